using Microsoft.Data.Sqlite;
using Npgsql;

namespace LearningPortal.Tests.Infrastructure;

/// <summary>
/// A throwaway database for one test host: a SQLite file, or a PostgreSQL database on the server that
/// tests/run.sh starts. Which one comes from LP_TEST_DB ("sqlite", the default, or "postgres").
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqliteFile;
    private readonly string? postgresName;

    private TestDatabase(string provider, string connectionString, string? sqliteFile, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFile = sqliteFile;
        this.postgresName = postgresName;
    }

    /// <summary>"Sqlite" or "PostgreSql", as the site's Database:Provider setting takes it.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public bool IsPostgres => Provider == "PostgreSql";

    public static bool UsePostgres =>
        string.Equals(Environment.GetEnvironmentVariable("LP_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Server connection string for PostgreSQL tests (LP_TEST_PG), without a database name.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("LP_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres";

    public static Task<TestDatabase> CreateAsync() => CreateAsync(UsePostgres);

    /// <summary>A throwaway PostgreSQL database whatever LP_TEST_DB says (the fleet and backup tests need one).</summary>
    public static Task<TestDatabase> CreatePostgresAsync() => CreateAsync(postgres: true);

    /// <summary>An existing PostgreSQL database (a restored backup), dropped when disposed like one made here.</summary>
    public static TestDatabase ForPostgres(string name) =>
        new("PostgreSql", $"{PostgresServer};Database={name};Include Error Detail=true;Maximum Pool Size=50", null, name);

    /// <summary>The same database for a second host, which leaves dropping it to its owner.</summary>
    public TestDatabase Borrow() => new(Provider, ConnectionString, null, null);

    /// <summary>The database's name on the PostgreSQL server.</summary>
    public string? PostgresName => postgresName;

    private static async Task<TestDatabase> CreateAsync(bool postgres)
    {
        if (!postgres)
        {
            var file = Path.Combine(Path.GetTempPath(), "lp-tests", $"{Guid.NewGuid():N}.db");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            return new TestDatabase("Sqlite", $"Data Source={file}", file, null);
        }

        var name = $"lp_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(PostgresServer + ";Database=postgres"))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new TestDatabase("PostgreSql", $"{PostgresServer};Database={name};Include Error Detail=true;Maximum Pool Size=50", null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                try
                {
                    File.Delete(f);
                }
                catch (IOException)
                {
                    // Left for the OS to clean up with the temp folder.
                }
            }
        }

        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer + ";Database=postgres");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
