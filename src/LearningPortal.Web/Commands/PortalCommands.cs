using LearningPortal.Web.Infrastructure;

namespace LearningPortal.Web.Commands;

/// <summary>
/// Command-line tasks run instead of the site: <c>dotnet run --project src/LearningPortal.Web -- COMMAND [options]</c>.
/// </summary>
public static class PortalCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        // A command is the first argument; anything else (--urls, --environment) is for the host.
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        var command = args[0];
        var options = ParseOptions(args[1..]);
        using var scope = app.Services.CreateScope();
        // Under the same lock as a starting instance: "migrate" is the upgrade step a fleet runs before the new version.
        await using (await DatabaseLock.AcquireAsync(scope.ServiceProvider.GetRequiredService<Core.Data.PortalDbContext>()))
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().MigrateAndSeedAsync();
        }

        Environment.ExitCode = command switch
        {
            "create-admin" => await CreateAdminCommand.RunAsync(scope.ServiceProvider, options, Console.Out, Environment.GetEnvironmentVariable("LP_ADMIN_PASSWORD")),
            "migrate" => 0,
            "demo-accounts" => await DemoAccountsCommand.RunAsync(scope.ServiceProvider, app.Environment, Console.Out),
            DemoDataCommand.Name => await DemoDataCommand.RunAsync(scope.ServiceProvider, app.Environment, options, Console.Out),
            "import" => await ImportAsync(scope.ServiceProvider, options),
            "export" => await scope.ServiceProvider.GetRequiredService<Content.StarterContent>().ExportCommandAsync(options, Console.Out),
            "reindex" => await ReindexCommand.RunAsync(scope.ServiceProvider, Console.Out),
            "move-media-to-database" => await MoveMediaCommand.RunAsync(scope.ServiceProvider, Console.Out),
            "rebuild-impact" => await RebuildImpactAsync(scope.ServiceProvider),
            _ => Unknown(command),
        };
        return true;
    }

    /// <summary><c>import [--path DIR]</c>: the content folder's documents and media, then its training courses (training/courses.yml).</summary>
    private static async Task<int> ImportAsync(IServiceProvider services, Dictionary<string, string> options)
    {
        var result = await services.GetRequiredService<Content.StarterContent>().ImportCommandAsync(options, Console.Out);
        var folder = options.TryGetValue("path", out var p) ? Path.GetFullPath(p) : services.GetRequiredService<PortalPaths>().Content;
        if (Directory.Exists(folder))
        {
            var courses = await services.GetRequiredService<Training.StarterTraining>().ImportCoursesAsync(Path.Combine(folder, "training"));
            await Console.Out.WriteLineAsync($"Imported {courses} training courses (courses whose web address is already used are left as they are).");
        }

        return result;
    }

    /// <summary><c>rebuild-impact</c>: Impact's copies of training attendance and bookings, supervision discussions and feedback figures, from their modules' tables, and its counts of reads.</summary>
    private static async Task<int> RebuildImpactAsync(IServiceProvider services)
    {
        var result = await services.GetRequiredService<Core.Impact.ImpactRebuild>().RunAsync();
        await Console.Out.WriteLineAsync($"Rebuilt the impact read models: {result.Attendances} register entries, {result.Discussions} people in supervision discussions, {result.Bookings} bookings, {result.FeedbackResponses} feedback responses, {result.ReadCounts} counts of readers by briefing, agency and month.");
        return 0;
    }

    private static int Unknown(string command)
    {
        Console.Error.WriteLine($"Unknown command '{command}'. Commands: create-admin, migrate, import [--path DIR], export [--path DIR], reindex, rebuild-impact, move-media-to-database, demo-accounts and demo-data [--people N] (Development only).");
        return 2;
    }

    internal static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var key = args[i][2..];
                var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
                options[key] = value;
            }
        }

        return options;
    }
}
