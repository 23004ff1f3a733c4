namespace LearningPortal.Core.Search;

/// <summary>Wakes this instance's search index early when a change has been journalled here.</summary>
public sealed class SearchJournalSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    /// <summary>Asks the index to apply the journal now.</summary>
    public void Notify()
    {
        if (semaphore.CurrentCount == 0)
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
    }

    /// <summary>Waits for a nudge or the timeout, whichever comes first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => semaphore.Dispose();
}
