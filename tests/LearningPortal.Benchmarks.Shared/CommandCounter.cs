using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LearningPortal.Benchmarks.Shared;

/// <summary>
/// Counts what the portal's context sends the database: commands (each one round trip; a batched SaveChanges is one)
/// and transaction commits (on PostgreSQL with default durability one WAL flush each; a round trip of its own, unless it
/// went at the end of a save's batch: <c>SaveAndCommitAsync</c> in the portal's context). Begin is not counted: both
/// drivers send it with the first command. A benchmark reads the counts before and after a piece of work.
/// </summary>
public sealed class CommandCounter : IDbCommandInterceptor, IDbTransactionInterceptor
{
    private long commands;
    private long commits;

    public static CommandCounter Instance { get; } = new();

    public long Commands => Interlocked.Read(ref commands);

    public long Commits => Interlocked.Read(ref commits);

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) => Count(result);

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Count(result));

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) => Count(result);

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Count(result));

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) => Count(result);

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Count(result));

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) => CountCommit(command, result);

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(CountCommit(command, result));

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => CountCommit(command, result);

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(CountCommit(command, result));

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Interlocked.Increment(ref commits);
        return result;
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref commits);
        return ValueTask.FromResult(result);
    }

    /// <summary>A save's batch that ended with the transaction's COMMIT (the portal's interceptor adds it before this runs).</summary>
    private T CountCommit<T>(DbCommand command, T result)
    {
        if (command.CommandText.EndsWith("\nCOMMIT", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref commits);
        }

        return result;
    }

    private T Count<T>(T result)
    {
        Interlocked.Increment(ref commands);
        return result;
    }
}
