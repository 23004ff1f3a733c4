using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LearningPortal.Benchmarks.Impact;

/// <summary>
/// The real site in Production on real Kestrel (loopback, random port) over a throwaway database: a SQLite file, or a
/// new PostgreSQL database on <c>LP_BENCH_PG</c>'s server. No starter content: the seeder brings its own briefings.
/// </summary>
internal sealed class ImpactSite : WebApplicationFactory<global::Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "lp-bench-impact-" + Guid.NewGuid().ToString("N"));
    private readonly string provider;
    private readonly string connectionString;
    private readonly string? postgresServer;
    private readonly string? postgresName;

    private ImpactSite(string provider, string connectionString, string? postgresServer, string? postgresName)
    {
        this.provider = provider;
        this.connectionString = connectionString;
        this.postgresServer = postgresServer;
        this.postgresName = postgresName;
        Directory.CreateDirectory(folder);
        // A console project gets no content-root manifest from Mvc.Testing (test projects do): point it at the web project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_LEARNINGPORTAL_WEB", WebProjectFolder());
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri BaseAddress { get; }

    /// <summary>The read beacon's time inside the site.</summary>
    public BeaconTimer Beacons { get; } = new();

    public static async Task<ImpactSite> StartAsync(string provider, string postgresServer)
    {
        if (provider == "SQLite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"lp-bench-impact-{Guid.NewGuid():N}.db");
            return new ImpactSite("Sqlite", $"Data Source={file}", null, null);
        }

        var name = $"lp_bench_impact_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(postgresServer + ";Database=postgres"))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new ImpactSite("PostgreSql", $"{postgresServer};Database={name};Maximum Pool Size=50", postgresServer, name);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connectionString,
            ["Content:SchedulerEnabled"] = "false",
            ["Content:ImportStarterContent"] = "false",
            ["Content:MediaPath"] = Path.Combine(folder, "media"),
            ["Search:IndexPath"] = Path.Combine(folder, "search"),
            ["Email:SmtpHost"] = "",
            ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Retention:JobEnabled"] = "false",
            // A throwaway database: no certificate to protect its data-protection keys (Production requires one otherwise).
            ["DataProtection:AllowUnprotectedKeys"] = "true",
        };
        foreach (var policy in LearningPortal.Web.Security.RateLimiting.PortalRateLimitOptions.Defaults.Keys)
        {
            settings[$"RateLimits:{policy}:PerNetwork"] = "10000000";
            settings[$"RateLimits:{policy}:PerSubject"] = "10000000";
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(Beacons));
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
        NpgsqlConnection.ClearAllPools();
        if (postgresName is not null)
        {
            await using var connection = new NpgsqlConnection(postgresServer + ";Database=postgres");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
            if (provider == "Sqlite")
            {
                var file = connectionString["Data Source=".Length..];
                foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(f);
                }
            }
        }
        catch (IOException)
        {
            // A temp file left behind is harmless.
        }
    }
}
