using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace LearningPortal.Core.Data;

/// <summary>Transactions that read and then write, for any module whose change must not interleave with another's.</summary>
public static class WriteTransactions
{
    /// <summary>
    /// A transaction that may write: on SQLite it takes the write lock at once (BEGIN IMMEDIATE, which
    /// Microsoft.Data.Sqlite issues for Serializable), so a read-then-write inside it cannot interleave.
    /// On PostgreSQL it is READ COMMITTED; callers that need a row held take it with <c>SELECT ... FOR UPDATE</c>
    /// or claim it with a conditional update.
    /// </summary>
    public static Task<IDbContextTransaction> BeginWriteTransactionAsync(this PortalDbContext db, CancellationToken cancellationToken) =>
        db.IsPostgres
            ? db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken)
            : db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
}
