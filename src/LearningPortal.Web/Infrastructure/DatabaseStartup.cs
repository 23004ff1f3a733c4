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
        if (app.Environment.IsDevelopment() && !app.Configuration.GetValue<bool>("DemoAccounts:Disabled"))
        {
            var created = await seeder.CreateDemoAccountsAsync();
            if (created.Count > 0)
            {
                // REVIEW: development shortcut. Printed once, when the accounts are made; never in Production.
                Console.WriteLine();
                Console.WriteLine("Demo accounts (Development only; shown once):");
                foreach (var (email, password, role, key) in created)
                {
                    Console.WriteLine($"  {role,-14} {email,-44} {password}");
                    if (key is not null)
                    {
                        // Two-factor sign-in: add the key to an authenticator app (or `oathtool --totp -b KEY` prints a code).
                        Console.WriteLine($"  {"",-14} authenticator key {key} (otpauth://totp/LearningPortal:{Uri.EscapeDataString(email)}?secret={key}&issuer=LearningPortal&digits=6)");
                    }
                }

                Console.WriteLine();
            }
        }
    }
}
