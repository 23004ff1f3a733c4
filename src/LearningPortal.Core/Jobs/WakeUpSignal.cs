namespace LearningPortal.Core.Jobs;

/// <summary>
/// Wakes a <see cref="RecurringJob"/> before its interval is up, when work for it has been committed on this
/// instance. One per kind of work, named by the rows it announces (<c>WakeUpSignal&lt;OutboxMessage&gt;</c>);
/// other instances find the work at their next poll.
/// </summary>
/// <typeparam name="TWork">The kind of row whose arrival the signal announces.</typeparam>
public sealed class WakeUpSignal<TWork> : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    /// <summary>Asks the job to run now; several calls before it wakes count as one.</summary>
    public void Notify()
    {
        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>Waits for a nudge or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => semaphore.Dispose();
}
