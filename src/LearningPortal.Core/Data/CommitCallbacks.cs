using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LearningPortal.Core.Data;

public partial class PortalDbContext
{
    private List<Action>? afterCommit;

    /// <summary>
    /// Runs <paramref name="action"/> once what this context is writing has been committed: after the next
    /// SaveChanges outside a transaction, or when the open transaction commits. Dropped if it rolls back. Used to
    /// wake background work (the outbox sender, search catch-up) only when the rows it looks for are visible.
    /// </summary>
    public void AfterCommit(Action action) => (afterCommit ??= []).Add(action);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var ownTransaction = Database.CurrentTransaction is null;
        try
        {
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            RunAfterCommit(ownTransaction);
            return saved;
        }
        catch when (ownTransaction)
        {
            afterCommit = null;
            throw;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var ownTransaction = Database.CurrentTransaction is null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            RunAfterCommit(ownTransaction);
            return saved;
        }
        catch when (ownTransaction)
        {
            afterCommit = null;
            throw;
        }
    }

    /// <summary>Drops the after-commit actions of a change that failed (its transaction is rolled back when disposed).</summary>
    internal void ForgetAfterCommit() => afterCommit = null;

    private void RunAfterCommit(bool committed)
    {
        if (!committed || afterCommit is not { } actions)
        {
            return;
        }

        afterCommit = null;
        foreach (var action in actions)
        {
            action();
        }
    }

    /// <summary>Runs or drops a context's after-commit actions when its explicit transaction ends.</summary>
    private sealed class CommitCallbacks : DbTransactionInterceptor
    {
        public static readonly CommitCallbacks Interceptor = new();

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
            (eventData.Context as PortalDbContext)?.RunAfterCommit(committed: true);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            TransactionCommitted(transaction, eventData);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
        {
            if (eventData.Context is PortalDbContext db)
            {
                db.afterCommit = null;
            }
        }

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            TransactionRolledBack(transaction, eventData);
            return Task.CompletedTask;
        }
    }
}
