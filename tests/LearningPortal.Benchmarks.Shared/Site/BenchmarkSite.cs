using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Npgsql;

namespace LearningPortal.Benchmarks.Shared;

/// <summary>
/// The real site in Production mode on real Kestrel (loopback, random port) over a throwaway database: a SQLite file,
/// or a new PostgreSQL database on the given server (created first, because the site takes a lock in it before
/// migrating; dropped afterwards). One extra folder is served at the web root, so a saved page can be fetched as a
/// static file through the same pipeline as the site's own CSS. Shared by the benchmarks that start the site (linked
/// from <c>Shared/Site</c>: the database-only benchmarks do not reference the web project).
/// </summary>
public sealed class BenchmarkSite : WebApplicationFactory<Program>
{
    private readonly string folder;
    private readonly string? postgresServer;
    private readonly string? postgresName;
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? configureServices;

    /// <param name="name">Names the temporary folder and database ("actions").</param>
    /// <param name="postgresServer">A PostgreSQL server connection string (no database), or null for SQLite.</param>
    /// <param name="settings">Settings over the defaults (e.g. <c>Content:ImportStarterContent</c> = false).</param>
    /// <param name="configureServices">Services added to the site's own (e.g. a startup filter that times a path).</param>
    public BenchmarkSite(string name, string? postgresServer = null, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        folder = Path.Combine(Path.GetTempPath(), $"lp-bench-{name}-{Guid.NewGuid():N}");
        this.postgresServer = postgresServer;
        this.settings = settings ?? new Dictionary<string, string?>();
        this.configureServices = configureServices;
        Directory.CreateDirectory(StaticFolder);
        if (postgresServer is not null)
        {
            postgresName = $"lp_bench_{name}_{Guid.NewGuid():N}";
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

    /// <summary>"SQLite" or "PostgreSQL", as the benchmarks print it.</summary>
    public string Provider => IsPostgres ? "PostgreSQL" : "SQLite";

    /// <summary>The site's connection string (for bulk seeding on a connection of the benchmark's own).</summary>
    public string ConnectionString => IsPostgres
        ? $"{postgresServer};Database={postgresName};Maximum Pool Size=50"
        : $"Data Source={Path.Combine(folder, "portal.db")}";

    /// <summary>Files here are served at the site's root (e.g. /bench/briefing.html).</summary>
    public string StaticFolder => Path.Combine(folder, "static");

    /// <summary>Rate limits high enough that one client timing thousands of requests is never turned away.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> NoRateLimits()
    {
        foreach (var policy in LearningPortal.Web.Security.RateLimiting.PortalRateLimitOptions.Defaults.Keys)
        {
            yield return new($"RateLimits:{policy}:PerNetwork", "10000000");
            yield return new($"RateLimits:{policy}:PerSubject", "10000000");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var all = new Dictionary<string, string?>
        {
            ["Database:Provider"] = IsPostgres ? "PostgreSql" : "Sqlite",
            ["Database:ConnectionString"] = ConnectionString,
            ["Content:SchedulerEnabled"] = "false",
            ["Content:ImportStarterContent"] = "true",
            ["Content:MediaPath"] = Path.Combine(folder, "media"),
            ["Search:IndexPath"] = Path.Combine(folder, "search"),
            ["Email:SmtpHost"] = "",
            ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
            ["Logging:LogLevel:Default"] = "Warning",
            // LP_BENCH_SQL=1 prints each database command with its time, to find where a slow page spends it.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = Environment.GetEnvironmentVariable("LP_BENCH_SQL") == "1" ? "Information" : "Warning",
            // A throwaway database: no certificate to protect its data-protection keys (Production requires one otherwise).
            ["DataProtection:AllowUnprotectedKeys"] = "true",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices((context, services) =>
        {
            Directory.CreateDirectory(StaticFolder);
            context.HostingEnvironment.WebRootFileProvider =
                new CompositeFileProvider(context.HostingEnvironment.WebRootFileProvider, new PhysicalFileProvider(StaticFolder));
            configureServices?.Invoke(services);
        });
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
        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("LP_BENCH_KEEP") == "1")
            {
                Console.WriteLine($"Kept: {postgresName}");
            }
            else
            {
                await using var connection = new NpgsqlConnection(postgresServer + ";Database=postgres");
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }

        try
        {
            if (Environment.GetEnvironmentVariable("LP_BENCH_KEEP") != "1")
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
