using System.Data.Common;
using System.Globalization;

namespace LearningPortal.Tests.Site;

/// <summary>The portal's defaults for a PostgreSQL connection string (<see cref="PostgresConnectionDefaults"/>).</summary>
public class DatabaseConnectionTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("Host=db;Database=portal", "Max Auto Prepare=32", "No Reset On Close=True")]
    [InlineData("Host=db;Database=portal;Max Auto Prepare=0", "Max Auto Prepare=0", "No Reset On Close=True")]
    [InlineData("Host=db;Database=portal;maxautoprepare=5;NoResetOnClose=false", "maxautoprepare=5", "NoResetOnClose=false")]
    public void The_defaults_apply_where_the_operator_set_nothing(string configured, string prepare, string reset)
    {
        var applied = PostgresConnectionDefaults.Apply(configured);

        Assert.Contains(prepare, applied, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(reset, applied, StringComparison.OrdinalIgnoreCase);
        foreach (var keyword in new[] { "maxautoprepare=", "noresetonclose=" })
        {
            Assert.Single(applied.Split(';'), part => part.Replace(" ", "", StringComparison.Ordinal).StartsWith(keyword, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains("Host=db", applied, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Database=portal", applied, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_transaction_left_open_is_not_carried_to_the_next_use_of_its_pooled_connection()
    {
        // With the defaults Npgsql does not reset a pooled connection, so closing one must still end its transaction.
        var (connectionType, connectionString, isPostgres) = await site.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            return Task.FromResult((db.Database.GetDbConnection().GetType(), db.Database.GetConnectionString()!, db.IsPostgres));
        });
        DbConnection Connect() => (DbConnection)Activator.CreateInstance(connectionType, connectionString)!;

        var name = "Left open " + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = Connect())
        {
            await connection.OpenAsync();
            var transaction = await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, """INSERT INTO "Agencies" ("Name", "IsActive", "SortOrder") VALUES (@name, TRUE, 0)""", name, transaction);
        }

        await using var again = Connect();
        await again.OpenAsync();
        Assert.Equal(0L, Convert.ToInt64(await ExecuteAsync(again, """SELECT count(*) FROM "Agencies" WHERE "Name" = @name""", name), CultureInfo.InvariantCulture));

        // No transaction is open on it: PostgreSQL refuses a savepoint outside one, SQLite a commit.
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(again, isPostgres ? "SAVEPOINT probe" : "COMMIT"));
    }

    private static async Task<object?> ExecuteAsync(DbConnection connection, string sql, string? name = null, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        if (name is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "name";
            parameter.Value = name;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task The_sites_context_connects_with_the_defaults()
    {
        var (isPostgres, connectionString) = await site.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            return Task.FromResult((db.IsPostgres, db.Database.GetConnectionString()!));
        });

        // SQLite has no statements to prepare across a network; its string is the driver's own.
        Assert.Equal(isPostgres, connectionString.Contains($"Max Auto Prepare={PostgresConnectionDefaults.MaxAutoPrepare}", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(isPostgres, connectionString.Contains("No Reset On Close=True", StringComparison.OrdinalIgnoreCase));
    }
}
