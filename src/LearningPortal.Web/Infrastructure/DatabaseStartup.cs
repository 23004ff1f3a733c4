namespace LearningPortal.Web.Infrastructure;

public static class DatabaseStartup
{
    /// <summary>
    /// Prepares the database on start (see <see cref="PrepareAsync"/>) with Database:MigrateOnStart (default true);
    /// in Development, creates the demo accounts and prints their details once.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var migrate = (app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()).MigrateOnStart;
        if (!await PrepareAsync(scope.ServiceProvider, migrate))
        {
            return;
        }

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

    /// <summary>
    /// Under <see cref="DatabaseLock"/>, so that instances starting together never migrate or seed at once: applies
    /// pending migrations when <paramref name="migrate"/> is true, then adds roles, agencies, starter content and
    /// feedback forms where missing. With <paramref name="migrate"/> false (a fleet whose upgrades run the migrate
    /// command first) and migrations pending, it changes nothing and returns false: /health/ready reports the
    /// instance not ready until the migrate step has run.
    /// </summary>
    public static async Task<bool> PrepareAsync(IServiceProvider services, bool migrate, CancellationToken cancellationToken = default)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        await using var preparing = await DatabaseLock.AcquireAsync(db, cancellationToken);
        if (!migrate && (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup))
                .LogCritical("Migrations are pending and Database:MigrateOnStart is false: run the migrate command.");
            return false;
        }

        await services.GetRequiredService<DatabaseSeeder>().MigrateAndSeedAsync(migrate, cancellationToken);
        await services.GetRequiredService<Content.StarterContent>().ImportIfEmptyAsync(cancellationToken);
        await services.ImportStarterFeedbackFormsAsync();
        await services.GetRequiredService<Training.StarterTraining>().ImportOnStartAsync(cancellationToken);
        await services.ImportStarterActionPlansAsync();
        return true;
    }
}
