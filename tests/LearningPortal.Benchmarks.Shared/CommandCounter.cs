using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LearningPortal.Benchmarks.Shared;

/// <summary>
/// Counts what the portal's context sends the database: commands (each one round trip; a batched SaveChanges is one)
/// and transaction commits (one more round trip, and on PostgreSQL with default durability one WAL flush). Begin is not
/// counted: both drivers send it with the first command. A benchmark reads the counts before and after a piece of work.
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

    private T Count<T>(T result)
    {
        Interlocked.Increment(ref commands);
        return result;
    }
}
