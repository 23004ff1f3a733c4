using System.Text;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace LearningPortal.Benchmarks.Impact;

/// <summary>
/// Inserts entities straight into their table, many rows a statement in one transaction, with the columns, type
/// mappings and value converters of the portal's own EF model (so SQLite and PostgreSQL get exactly what EF would
/// write), but none of EF's change tracking: seeding half a million rows through SaveChanges would take many minutes
/// and is not what is measured.
/// </summary>
internal static class Bulk
{
    /// <summary>Print each table's row count and time.</summary>
    public static bool Verbose { get; set; } = true;

    /// <param name="withKeys">Write the entity's generated key too (the caller chose the ids); otherwise the database numbers the rows.</param>
    public static async Task InsertAsync<T>(PortalDbContext db, IReadOnlyList<T> rows, bool withKeys = false) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entity.GetProperties()
            .Where(p => !p.IsShadowProperty() && p.GetColumnName(table) is not null)
            .Where(p => withKeys || !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .Select(p => (Property: p, Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter()))
            .ToList();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.Property.GetColumnName(table)!)));
        var into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ";
        // SQLite: one prepared single-row insert, run per row (fast in-process, and its parameter collection is searched by
        // name, so thousands of parameters a statement would be slow). PostgreSQL: many rows a statement, numbered
        // parameters ($1...) so Npgsql sends the text as it is, without rewriting named ones.
        var perStatement = db.IsPostgres ? Math.Clamp(30_000 / properties.Count, 1, 1000) : 1;

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using var single = connection.CreateCommand();
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                await using var batch = perStatement == 1 ? null : connection.CreateCommand();
                var command = batch ?? single;
                command.Transaction = transaction.GetDbTransaction();
                command.Parameters.Clear();
                var text = new StringBuilder(into);
                for (var r = 0; r < count; r++)
                {
                    text.Append(r == 0 ? "(" : ", (");
                    var row = rows[start + r];
                    for (var c = 0; c < properties.Count; c++)
                    {
                        var (property, mapping, getter) = properties[c];
                        var name = db.IsPostgres ? "$" + (r * properties.Count + c + 1) : "@p" + c;
                        var parameter = mapping.CreateParameter(command, name, getter.GetClrValue(row), property.IsNullable);
                        if (db.IsPostgres)
                        {
                            parameter.ParameterName = "";
                        }

                        command.Parameters.Add(parameter);
                        text.Append(c == 0 ? name : ", " + name);
                    }

                    text.Append(')');
                }

                var sqlText = text.ToString();
                if (command.CommandText != sqlText)
                {
                    command.CommandText = sqlText;
                }

                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            if (Verbose)
            {
                Console.WriteLine($"  {table.Name}: {rows.Count:N0} rows in {watch.Elapsed.TotalSeconds:0.0} s");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>On PostgreSQL, moves a table's id sequence past the ids written with <see cref="InsertAsync{T}"/> (withKeys).</summary>
    public static async Task ResetSequenceAsync<T>(PortalDbContext db) where T : class
    {
        if (!db.IsPostgres)
        {
            return;
        }

        var table = db.Model.FindEntityType(typeof(T))!.GetTableName()!;
#pragma warning disable EF1002 // the table name comes from the model, not from input
        await db.Database.ExecuteSqlRawAsync($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"{table}\"), false)");
#pragma warning restore EF1002
    }
}
