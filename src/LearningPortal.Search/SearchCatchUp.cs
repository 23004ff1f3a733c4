using LearningPortal.Core.Search;
using LearningPortal.Search.Lucene;
using Lucene.Net.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningPortal.Search;

/// <summary>
/// The index's background loop on each instance: opens (and if need be builds) the index, then applies the
/// search journal every poll interval, at once when nudged by a change saved here, rebuilds on request or
/// after a failure, and prunes old journal entries now and then.
/// </summary>
public sealed class SearchCatchUp(
    SearchIndexer indexer,
    LuceneSearchIndex index,
    SearchJournalSignal signal,
    IOptionsMonitor<SearchOptions> options,
    TimeProvider clock,
    ILogger<SearchCatchUp> logger) : BackgroundService
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = false;
        var failures = 0;
        var lastPrune = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!started)
                {
                    await indexer.StartAsync(stoppingToken);
                    started = true;
                }
                else if (index.Status.State == SearchIndexState.Failed)
                {
                    logger.LogWarning("The search index at {Path} failed; starting a new one.", index.Path);
                    index.StartAfresh();
                    await indexer.RebuildAsync(stoppingToken);
                }
                else if (indexer.RebuildRequested)
                {
                    await indexer.RebuildAsync(stoppingToken);
                }

                await indexer.CatchUpAsync(stoppingToken);
                var now = clock.GetUtcNow().UtcDateTime;
                if (now - lastPrune > PruneInterval)
                {
                    lastPrune = now;
                    await indexer.PruneJournalAsync(stoppingToken);
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (LockObtainFailedException ex)
            {
                failures++;
                logger.LogError(ex, "The search index at {Path} is in use by another process; each instance needs its own Search:IndexPath.", index.Path);
            }
            catch (Exception ex)
            {
                failures++;
                logger.LogError(ex, "Search catch-up failed; it will try again.");
            }

            // Back off while something is wrong (the database is down, say) rather than log every second.
            var poll = options.CurrentValue.PollInterval;
            var wait = failures == 0 ? poll : TimeSpan.FromTicks(Math.Min(poll.Ticks << Math.Min(failures, 5), MaxBackOff.Ticks));
            try
            {
                await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
