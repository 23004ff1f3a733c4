using System.Runtime.CompilerServices;
using LearningPortal.Core.Data;
using LearningPortal.Core.Jobs;
using LearningPortal.Core.Search;
using LearningPortal.Search.Lucene;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningPortal.Search;

/// <summary>
/// Keeps this instance's index in step with the sources: builds it when it is missing or unreadable,
/// applies the search journal after the last entry the index has applied, and rebuilds on request. The
/// journal's operation is only a hint: the item's current state is always read from its source, so an entry
/// applied twice or late does no harm.
/// </summary>
public sealed class SearchIndexer(
    LuceneSearchIndex index,
    IServiceScopeFactory scopes,
    IOptionsMonitor<SearchOptions> options,
    TimeProvider clock,
    WakeUpSignal<SearchJournalEntry> wakeUp,
    ILogger<SearchIndexer> logger) : IDisposable
{
    private const int BatchSize = 500;

    private readonly SemaphoreSlim work = new(1, 1);

    // Entries above the journal position already applied while a lower id is still outstanding.
    private readonly HashSet<long> appliedAboveMark = [];
    private int rebuildRequested;

    /// <summary>Whether someone has asked for a rebuild that has not started yet.</summary>
    public bool RebuildRequested => Volatile.Read(ref rebuildRequested) == 1;

    /// <summary>Asks the catch-up loop to rebuild the index from the sources (from /manage/search).</summary>
    public void RequestRebuild()
    {
        Interlocked.Exchange(ref rebuildRequested, 1);
        wakeUp.Notify();
    }

    /// <summary>
    /// Opens the index and rebuilds it when it was missing, could not be read, fails CheckIndex, was laid out by
    /// an older version of the site, or no longer matches the journal (the database was replaced, or entries it never applied have been pruned).
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var opening = index.Open();
        var rebuild = opening != SearchIndexOpening.Opened;
        if (!rebuild && options.CurrentValue.CheckOnStart && !index.Verify())
        {
            index.StartAfresh();
            rebuild = true;
        }

        if (!rebuild && !index.HasCurrentLayout)
        {
            logger.LogWarning("The search index at {Path} was built by an older version of the site; rebuilding it.", index.Path);
            rebuild = true;
        }

        if (!rebuild && await IsOutOfStepWithJournalAsync(cancellationToken))
        {
            logger.LogWarning("The search index at {Path} does not match the search journal; rebuilding it.", index.Path);
            rebuild = true;
        }

        if (rebuild)
        {
            logger.LogInformation("Building the search index at {Path} ({Reason}).", index.Path, opening);
            await RebuildAsync(cancellationToken);
        }
    }

    /// <summary>Rebuilds from every source now; searches see the previous index until it is done.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        await work.WaitAsync(cancellationToken);
        try
        {
            Interlocked.Exchange(ref rebuildRequested, 0);
            index.MarkBuilding();
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var sources = scope.ServiceProvider.GetServices<ISearchSource>().ToList();

            // Entries newer than the gap timeout are applied again after the rebuild, in case the
            // rebuild read their items before their transactions committed.
            var settled = clock.GetUtcNow().UtcDateTime - options.CurrentValue.JournalGapTimeout;
            var position = await db.SearchJournal.Where(e => e.CreatedUtc < settled).MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
            await index.RebuildAsync(AllDocuments(sources, options.CurrentValue.IndexDrafts, cancellationToken), position, cancellationToken);
            appliedAboveMark.Clear();
        }
        finally
        {
            work.Release();
        }
    }

    /// <summary>Applies journal entries saved since the index's position; returns how many items were re-read.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await work.WaitAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var sources = SourcesByKind(scope.ServiceProvider);
            var o = options.CurrentValue;
            var applied = 0;
            while (true)
            {
                var position = index.JournalPosition;
                var entries = await db.SearchJournal.AsNoTracking()
                    .Where(e => e.Id > position)
                    .OrderBy(e => e.Id)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
                var fresh = entries.Where(e => !appliedAboveMark.Contains(e.Id)).ToList();
                foreach (var item in fresh.GroupBy(e => (e.Kind, e.ItemId)))
                {
                    await ApplyAsync(sources, item.Key.Kind, item.Key.ItemId, o.IndexDrafts, cancellationToken);
                    applied++;
                }

                var mark = NewPosition(position, entries, clock.GetUtcNow().UtcDateTime - o.JournalGapTimeout);
                if (fresh.Count == 0 && mark == position)
                {
                    return applied;
                }

                index.Commit(mark);
                appliedAboveMark.RemoveWhere(id => id <= mark);
                appliedAboveMark.UnionWith(fresh.Select(e => e.Id).Where(id => id > mark));
                if (entries.Count < BatchSize || mark == position)
                {
                    return applied;
                }
            }
        }
        finally
        {
            work.Release();
        }
    }

    /// <summary>Deletes journal entries older than the retention period, always keeping the newest.</summary>
    public async Task<int> PruneJournalAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var cutoff = clock.GetUtcNow().UtcDateTime - options.CurrentValue.JournalRetention;
        var newest = await db.SearchJournal.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        return await db.SearchJournal.Where(e => e.CreatedUtc < cutoff && e.Id < newest).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// The position moves over contiguous ids, and over a gap once the entry after it is older than the gap
    /// timeout: by then the transaction that took the missing id has rolled back.
    /// </summary>
    internal static long NewPosition(long position, IReadOnlyList<SearchJournalEntry> entries, DateTime settledBeforeUtc)
    {
        foreach (var entry in entries)
        {
            if (entry.Id != position + 1 && entry.CreatedUtc >= settledBeforeUtc)
            {
                break;
            }

            position = entry.Id;
        }

        return position;
    }

    private async Task ApplyAsync(Dictionary<string, ISearchSource> sources, string kind, string id, bool includeDrafts, CancellationToken cancellationToken)
    {
        if (sources.TryGetValue(kind, out var source))
        {
            index.Replace(kind, id, await source.GetAsync(kind, id, includeDrafts, cancellationToken));
        }
        else
        {
            logger.LogWarning("No search source supplies '{Kind}'; removing {Kind}/{Id} from the index.", kind, kind, id);
            index.Delete(kind, id);
        }
    }

    private async Task<bool> IsOutOfStepWithJournalAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var oldest = await db.SearchJournal.MinAsync(e => (long?)e.Id, cancellationToken);
        var newest = await db.SearchJournal.MaxAsync(e => (long?)e.Id, cancellationToken);
        var position = index.JournalPosition;
        return oldest is null || newest is null
            ? position > 0
            : position > newest || position < oldest - 1;
    }

    private static Dictionary<string, ISearchSource> SourcesByKind(IServiceProvider services)
    {
        var map = new Dictionary<string, ISearchSource>(StringComparer.Ordinal);
        foreach (var source in services.GetServices<ISearchSource>())
        {
            foreach (var kind in source.Kinds)
            {
                map[kind.Name] = source;
            }
        }

        return map;
    }

    private static async IAsyncEnumerable<SearchDocument> AllDocuments(
        IReadOnlyList<ISearchSource> sources, bool includeDrafts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var source in sources)
        {
            await foreach (var document in source.GetAllAsync(includeDrafts, cancellationToken))
            {
                yield return document;
            }
        }
    }

    public void Dispose() => work.Dispose();
}
