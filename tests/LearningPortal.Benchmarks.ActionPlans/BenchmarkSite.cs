using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LearningPortal.Benchmarks.ActionPlans;

/// <summary>
/// The real site in Production mode on real Kestrel (loopback, random port) with its starter content, on a throwaway
/// SQLite file or a throwaway PostgreSQL database (created by the site's own migration, dropped afterwards).
/// </summary>
public sealed class BenchmarkSite : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "lp-bench-actions-" + Guid.NewGuid().ToString("N"));
    private readonly string? postgresServer;
    private readonly string postgresName = $"lp_bench_actions_{Guid.NewGuid():N}";

    /// <param name="postgresServer">A PostgreSQL server (no database) to use, or null for SQLite.</param>
    public BenchmarkSite(string? postgresServer)
    {
        this.postgresServer = postgresServer;
        Directory.CreateDirectory(folder);
        if (postgresServer is not null)
        {
            // The site takes a lock in its database before migrating, so the database must exist first.
            using var connection = new NpgsqlConnection(postgresServer + ";Database=postgres");
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{postgresName}\"", connection);
            create.ExecuteNonQuery();
        }

        // A console project gets no content-root manifest from Mvc.Testing (test projects do): point it at the web project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_LEARNINGPORTAL_WEB", WebProjectFolder());
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri BaseAddress { get; }

    public bool IsPostgres => postgresServer is not null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = IsPostgres ? "PostgreSql" : "Sqlite",
            ["Database:ConnectionString"] = IsPostgres
                ? $"{postgresServer};Database={postgresName};Maximum Pool Size=50"
                : $"Data Source={Path.Combine(folder, "portal.db")}",
            ["Content:SchedulerEnabled"] = "false",
            ["Content:ImportStarterContent"] = "true",
            ["Content:MediaPath"] = Path.Combine(folder, "media"),
            ["Email:SmtpHost"] = "",
            ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
            ["Logging:LogLevel:Default"] = "Warning",
            // LP_BENCH_SQL=1 prints each database command with its time, to find where a slow page spends it.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = Environment.GetEnvironmentVariable("LP_BENCH_SQL") == "1" ? "Information" : "Warning",
            // The reminders and weekly summaries run once at start (on the starter plans), not during the measurement.
            ["ActionPlans:JobInterval"] = "1.00:00:00",
            // A throwaway database: no certificate to protect its data-protection keys (Production requires one otherwise).
            ["DataProtection:AllowUnprotectedKeys"] = "true",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private static string WebProjectFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LearningPortal.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("LearningPortal.sln not found above " + AppContext.BaseDirectory), "src", "LearningPortal.Web");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresServer + ";Database=postgres");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
