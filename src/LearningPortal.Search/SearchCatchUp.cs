using LearningPortal.Core.Jobs;
using LearningPortal.Core.Search;
using LearningPortal.Search.Lucene;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningPortal.Search;

/// <summary>
/// The index's background loop on each instance: opens (and if need be builds) the index, then applies the
/// search journal every poll interval, at once when a change is committed here, rebuilds on request or
/// after a failure, and prunes old journal entries now and then.
/// </summary>
public sealed class SearchCatchUp(
    SearchIndexer indexer,
    LuceneSearchIndex index,
    WakeUpSignal<SearchJournalEntry> wakeUp,
    IOptionsMonitor<SearchOptions> options,
    TimeProvider clock,
    ILogger<SearchCatchUp> logger) : RecurringJob<SearchJournalEntry>(logger, clock, wakeUp)
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(30);

    private bool started;
    private DateTime lastPrune = DateTime.MinValue;

    protected override string Name => "Search catch-up";

    protected override TimeSpan Interval => options.CurrentValue.PollInterval;

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!started)
        {
            await indexer.StartAsync(cancellationToken);
            started = true;
        }
        else if (index.Status.State == SearchIndexState.Failed)
        {
            logger.LogWarning("The search index at {Path} failed; starting a new one.", index.Path);
            index.StartAfresh();
            await indexer.RebuildAsync(cancellationToken);
        }
        else if (indexer.RebuildRequested)
        {
            await indexer.RebuildAsync(cancellationToken);
        }

        await indexer.CatchUpAsync(cancellationToken);
        var now = Clock.GetUtcNow().UtcDateTime;
        if (now - lastPrune > PruneInterval)
        {
            lastPrune = now;
            await indexer.PruneJournalAsync(cancellationToken);
        }
    }

    // Back off while something is wrong (the database is down, say) rather than log every second.
    protected override TimeSpan WaitAfter(int failures) =>
        failures == 0 ? Interval : TimeSpan.FromTicks(Math.Min(Interval.Ticks << Math.Min(failures, 5), MaxBackOff.Ticks));

    protected override void LogFailure(Exception exception)
    {
        if (exception is LockObtainFailedException)
        {
            logger.LogError(exception, "The search index at {Path} is in use by another process; each instance needs its own Search:IndexPath.", index.Path);
        }
        else
        {
            base.LogFailure(exception);
        }
    }
}
