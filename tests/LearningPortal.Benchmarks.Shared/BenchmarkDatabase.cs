using LearningPortal.Core;
using LearningPortal.Core.Data;
using LearningPortal.Core.Training;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LearningPortal.Benchmarks.Shared;

/// <summary>
/// A throwaway database (a SQLite file, or a PostgreSQL database), migrated, with the portal's Core services and one
/// module's over it. Shared by the training and feedback benchmarks (linked into each project, see their .csproj).
/// </summary>
public sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string? sqliteFile;
    private readonly string? postgresServer;
    private readonly string? postgresName;

    private BenchmarkDatabase(string provider, ServiceProvider services, string connectionString, string? sqliteFile, string? postgresServer, string? postgresName)
    {
        Provider = provider;
        Services = services;
        ConnectionString = connectionString;
        this.sqliteFile = sqliteFile;
        this.postgresServer = postgresServer;
        this.postgresName = postgresName;
    }

    public string Provider { get; }

    public ServiceProvider Services { get; }

    public string ConnectionString { get; }

    public bool IsPostgres => Provider == "PostgreSQL";

    /// <param name="provider">"SQLite" or "PostgreSQL".</param>
    /// <param name="postgresServer">PostgreSQL server connection string (no database), for "PostgreSQL".</param>
    /// <param name="module">Names the files and databases ("feedback").</param>
    /// <param name="addModule">Registers the module's services, e.g. <c>(s, c) => s.AddFeedbackCore(c)</c>.</param>
    public static async Task<BenchmarkDatabase> CreateAsync(string provider, string? postgresServer, string module, Func<IServiceCollection, IConfiguration, IServiceCollection> addModule)
    {
        string? file = null, name = null;
        string cs;
        Action<DbContextOptionsBuilder> configure;
        if (provider == "SQLite")
        {
            file = Path.Combine(Path.GetTempPath(), $"lp-bench-{module}-{Guid.NewGuid():N}.db");
            cs = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30, Pooling = true }.ToString();
            configure = o => o.UseSqlite(cs, x => x.MigrationsAssembly("LearningPortal.Migrations.Sqlite")).AddInterceptors(CommandCounter.Instance);
        }
        else
        {
            name = $"lp_bench_{module}_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(postgresServer + ";Database=postgres"))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }

            // LP_BENCH_PG_POOL sets the pool's size (Npgsql's default, 100, otherwise), to try a smaller pool; LP_BENCH_PG_EXTRA
            // adds keywords (";Max Auto Prepare=0" measures without the portal's statement preparation). Then the portal's
            // defaults for what is not set, as the site applies them.
            cs = PostgresConnectionDefaults.Apply(
                $"{postgresServer};Database={name};Maximum Pool Size={Environment.GetEnvironmentVariable("LP_BENCH_PG_POOL") ?? "100"};Command Timeout=600{Environment.GetEnvironmentVariable("LP_BENCH_PG_EXTRA")}");
            configure = o => o.UseNpgsql(cs, x => x.MigrationsAssembly("LearningPortal.Migrations.PostgreSql")).AddInterceptors(CommandCounter.Instance);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "lp-bench-mail"),
        }).Build();
        var services = addModule(new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogSql ? LogLevel.Information : LogLevel.None).AddSimpleConsole())
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .AddDbContext<PortalDbContext>(configure)
            .AddPortalCore(configuration, Path.GetTempPath()), configuration)
            .AddSingleton<ISiteAddress, FixedSiteAddress>()
            .AddSingleton<IConfiguration>(configuration) // as a host gives it: some Core services read their settings from it
            // Validated as the site validates itself: each module registers its own services and only those.
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Database.MigrateAsync();
            if (!db.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                // What durability the SQLite figures were taken with, to compare fairly with PostgreSQL's (synchronous
                // is per connection: this is the driver's default, which every pooled connection of the portal has).
                var synchronous = await db.Database.SqlQueryRaw<int>("SELECT synchronous AS \"Value\" FROM pragma_synchronous").SingleAsync();
                Console.WriteLine($"SQLite: journal_mode=wal, synchronous={synchronous} ({synchronous switch { 0 => "OFF", 1 => "NORMAL", 2 => "FULL", _ => "EXTRA" }})");
            }
        }

        return new BenchmarkDatabase(provider, services, cs, file, postgresServer, name);
    }

    /// <summary>LP_BENCH_SQL=1 logs every command with its time, to find the slow one.</summary>
    private static bool LogSql => Environment.GetEnvironmentVariable("LP_BENCH_SQL") == "1";

    /// <summary>LP_BENCH_KEEP=1 keeps the database (its name is printed) for EXPLAIN by hand.</summary>
    private static bool Keep => Environment.GetEnvironmentVariable("LP_BENCH_KEEP") == "1";

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Keep)
        {
            Console.WriteLine($"Kept: {sqliteFile ?? postgresName}");
            return;
        }

        if (sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                File.Delete(f);
            }
        }

        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresServer + ";Database=postgres");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private sealed class FixedSiteAddress : ISiteAddress
    {
        public Uri BaseUri { get; } = new("http://localhost:5000/");
    }
}
