using LearningPortal.Core;
using LearningPortal.Core.Data;
using LearningPortal.Core.Feedback;
using LearningPortal.Core.Training;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LearningPortal.Benchmarks.Feedback;

/// <summary>A throwaway database (a SQLite file, or a PostgreSQL database) with the feedback module's services over it.</summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
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

    public static async Task<BenchmarkDatabase> CreateAsync(string provider, string? postgresServer)
    {
        string? file = null, name = null;
        string cs;
        Action<DbContextOptionsBuilder> configure;
        if (provider == "SQLite")
        {
            file = Path.Combine(Path.GetTempPath(), $"lp-bench-feedback-{Guid.NewGuid():N}.db");
            cs = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30, Pooling = true }.ToString();
            configure = o => o.UseSqlite(cs, x => x.MigrationsAssembly("LearningPortal.Migrations.Sqlite"));
        }
        else
        {
            name = $"lp_bench_feedback_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(postgresServer + ";Database=postgres"))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }

            cs = $"{postgresServer};Database={name}";
            configure = o => o.UseNpgsql(cs, x => x.MigrationsAssembly("LearningPortal.Migrations.PostgreSql"));
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "lp-bench-mail"),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None).AddSimpleConsole())
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .AddDbContext<PortalDbContext>(configure)
            .AddPortalCore(configuration, Path.GetTempPath())
            .AddFeedbackCore(configuration)
            .AddSingleton<ISiteAddress, FixedSiteAddress>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Database.MigrateAsync();
            if (!db.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
        }

        return new BenchmarkDatabase(provider, services, cs, file, postgresServer, name);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
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
