namespace LearningPortal.Web.Infrastructure;

public static class DatabaseStartup
{
    /// <summary>Migrates and seeds on start; in Development, creates the demo accounts and prints their details once.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DatabaseSeeder>();
        await seeder.MigrateAndSeedAsync();
        await scope.ServiceProvider.GetRequiredService<Content.StarterContent>().ImportIfEmptyAsync();
        await scope.ServiceProvider.ImportStarterFeedbackFormsAsync();
        await scope.ServiceProvider.GetRequiredService<Training.StarterTraining>().ImportOnStartAsync();
        await scope.ServiceProvider.ImportStarterActionPlansAsync();
        if (app.Environment.IsDevelopment() && !app.Configuration.GetValue<bool>("DemoAccounts:Disabled"))
        {
            // Printed once, when the accounts are made; `demo-accounts` prints new passwords later. Never outside Development.
            var created = await scope.ServiceProvider.GetRequiredService<DemoAccounts>().CreateMissingAsync();
            if (created.Count > 0)
            {
                DemoAccounts.Print(created, Console.Out);
            }
        }
    }
}
