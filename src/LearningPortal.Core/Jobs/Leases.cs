using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Jobs;

/// <summary>A row of work that one instance at a time claims for a while (an outbox message, a scheduled publish).</summary>
public interface ILeased
{
    /// <summary>The instance holding the lease (<see cref="Leases.NewOwnerId"/>), or null.</summary>
    string? LeaseOwner { get; set; }

    /// <summary>When the lease runs out; after that another instance may claim the row.</summary>
    DateTime? LeaseExpiresUtc { get; set; }
}

/// <summary>
/// The one way background work claims a row: a conditional update that only succeeds while nobody else holds
/// an unexpired lease, so however many instances run, one does each piece of work.
/// </summary>
public static class Leases
{
    /// <summary>
    /// An identity for this instance's leases, "process id/random id@machine" (at most 100 characters): unique per
    /// start, and an operator (or a test) can tell from a stuck lease which process on which machine holds it. The
    /// process id comes first so that truncation never loses it.
    /// </summary>
    public static string NewOwnerId()
    {
        var id = $"{Environment.ProcessId}/{Guid.NewGuid():N}@{Environment.MachineName}";
        return id.Length > 100 ? id[..100] : id;
    }

    /// <summary>The rows nobody holds a live lease on at <paramref name="nowUtc"/>.</summary>
    public static IQueryable<T> Unleased<T>(this IQueryable<T> rows, DateTime nowUtc)
        where T : class, ILeased =>
        rows.Where(r => r.LeaseExpiresUtc == null || r.LeaseExpiresUtc < nowUtc);

    /// <summary>
    /// Claims the row that <paramref name="row"/> selects until <paramref name="untilUtc"/>; true if this
    /// instance got it. The selection should repeat every condition that made the row due, since another
    /// instance may have changed it since it was read.
    /// </summary>
    public static async Task<bool> ClaimAsync<T>(this IQueryable<T> row, string owner, DateTime nowUtc, DateTime untilUtc, CancellationToken cancellationToken)
        where T : class, ILeased =>
        await row.Unleased(nowUtc).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.LeaseOwner, owner)
            .SetProperty(r => r.LeaseExpiresUtc, untilUtc), cancellationToken) == 1;
}
