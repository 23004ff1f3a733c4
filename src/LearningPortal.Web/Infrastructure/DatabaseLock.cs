using Npgsql;

namespace LearningPortal.Web.Infrastructure;

/// <summary>
/// One instance at a time prepares the database (migrations, roles, agencies, starter content): on PostgreSQL a
/// session advisory lock on a connection of its own, released when this is disposed or, if the process dies, when
/// PostgreSQL sees the connection drop. SQLite serves one instance, so there is nothing to lock.
/// </summary>
public sealed class DatabaseLock : IAsyncDisposable
{
    // Any fixed number: the key every instance of the site agrees on.
    private const long PrepareKey = 0x4C50_5245_5041_5245; // "LPREPARE"

    private readonly NpgsqlConnection? connection;

    private DatabaseLock(NpgsqlConnection? connection) => this.connection = connection;

    public static async Task<DatabaseLock> AcquireAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        if (!db.IsPostgres)
        {
            return new DatabaseLock(null);
        }

        // Unpooled: a pooled connection returned to the pool would keep a session lock it failed to release.
        var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", PrepareKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new DatabaseLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is null)
        {
            return;
        }

        await using (var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", PrepareKey);
            await command.ExecuteNonQueryAsync();
        }

        await connection.DisposeAsync();
    }
}
