using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace LearningPortal.Core.Data;

/// <summary>
/// Fewer round trips to PostgreSQL inside a lock (<see cref="Training.SessionLocks"/>), where each one is time every
/// change queued behind the lock waits: a statement sent in front of the next query, and the commit sent with the last
/// save. Npgsql sends a command's statements as one batch, which PostgreSQL runs in order and answers together.
/// </summary>
public partial class PortalDbContext
{
    private (string Sql, int Value)? statementFirst;
    private bool skipFirstResult;
    private int? commitAfterStatements;
    private bool committedWithSave;

    /// <summary>
    /// Sends <paramref name="sql"/> (one PostgreSQL statement, its one parameter written <c>@first</c>) in front of the
    /// next query this context runs, in the same round trip, and hands the query's results to the caller as if it had
    /// run alone. At READ COMMITTED each statement reads from a snapshot taken when it starts, so a query sent behind a
    /// statement that waits for a row lock reads everything committed before the lock was granted: the lock and the read
    /// under it cost one round trip, not two. Cleared by the next query, or by <see cref="ForgetStatementFirst"/>.
    /// </summary>
    internal void SendStatementFirst(string sql, int value) => statementFirst = (sql, value);

    /// <summary>Drops a statement from <see cref="SendStatementFirst"/> that no query took (the query failed before it was sent).</summary>
    internal void ForgetStatementFirst()
    {
        statementFirst = null;
        skipFirstResult = false;
    }

    /// <summary>
    /// Saves what is left and commits <paramref name="transaction"/>. On PostgreSQL the <c>COMMIT</c> goes in the save's
    /// own batch when nothing in the save can be refused by a check EF makes after the batch has run: every row is an
    /// insert (a failed insert is an error in the database, which ends the batch before the commit), except
    /// <paramref name="lockedRow"/>, whose row the transaction holds locked since it was read, so its concurrency check
    /// cannot fail; and the save is one batch (as many statements as rows). Otherwise the save and the commit are two
    /// round trips, as anywhere else. Runs the context's after-commit actions either way.
    /// </summary>
    internal async Task SaveAndCommitAsync(IDbContextTransaction transaction, object? lockedRow, CancellationToken cancellationToken)
    {
        if (!ChangeTracker.HasChanges())
        {
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        if (!IsPostgres)
        {
            await SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        // Counted when the save starts, after every handler of SavingChanges added to it (the Impact copy does).
        void Count(object? sender, SavingChangesEventArgs e)
        {
            var writes = ChangeTracker.Entries().Where(x => x.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
            commitAfterStatements = writes.All(x => x.State == EntityState.Added || (x.State == EntityState.Modified && ReferenceEquals(x.Entity, lockedRow)))
                ? writes.Count
                : null;
        }

        SavingChanges += Count;
        try
        {
            await SaveChangesAsync(cancellationToken);
        }
        finally
        {
            SavingChanges -= Count;
            commitAfterStatements = null;
        }

        if (committedWithSave)
        {
            committedWithSave = false;
            RunAfterCommit(committed: true);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Edits the next commands as <see cref="SendStatementFirst"/> and <see cref="SaveAndCommitAsync"/> ask.</summary>
    private sealed class RoundTripInterceptor : DbCommandInterceptor
    {
        public static readonly RoundTripInterceptor Instance = new();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Edit(command, eventData, reader: true);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Edit(command, eventData, reader: true);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Edit(command, eventData, reader: false);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Edit(command, eventData, reader: false);
            return ValueTask.FromResult(result);
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            if (TakeSkip(eventData))
            {
                result.NextResult();
            }

            return result;
        }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (TakeSkip(eventData))
            {
                await result.NextResultAsync(cancellationToken);
            }

            return result;
        }

        public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
        {
            if (eventData.Context is PortalDbContext db)
            {
                db.ForgetStatementFirst();
                db.committedWithSave = false;
            }
        }

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            CommandFailed(command, eventData);
            return Task.CompletedTask;
        }

        /// <summary>The statement sent first goes only in front of a query (whose first result is then skipped); the commit after any save.</summary>
        private static void Edit(DbCommand command, CommandEventData eventData, bool reader)
        {
            if (eventData.Context is not PortalDbContext db)
            {
                return;
            }

            if (reader && db.statementFirst is { } first)
            {
                db.statementFirst = null;
                db.skipFirstResult = true;
                var parameter = command.CreateParameter();
                parameter.ParameterName = "first";
                parameter.Value = first.Value;
                command.Parameters.Add(parameter);
                command.CommandText = first.Sql + ";\n" + command.CommandText;
            }

            if (db.commitAfterStatements is { } statements)
            {
                db.commitAfterStatements = null;
                if (Writes(command.CommandText) == statements)
                {
                    command.CommandText = command.CommandText.TrimEnd().TrimEnd(';') + ";\nCOMMIT";
                    db.committedWithSave = true;
                }
            }
        }

        /// <summary>How many rows EF's batch writes: one INSERT, UPDATE or DELETE statement, at the start of a line, per row.</summary>
        private static int Writes(string sql) => sql.Split('\n').Count(line =>
            line.StartsWith("INSERT ", StringComparison.Ordinal) || line.StartsWith("UPDATE ", StringComparison.Ordinal) || line.StartsWith("DELETE ", StringComparison.Ordinal));

        private static bool TakeSkip(CommandEventData eventData)
        {
            if (eventData.Context is not PortalDbContext { skipFirstResult: true } db)
            {
                return false;
            }

            db.skipFirstResult = false;
            return true;
        }
    }
}
