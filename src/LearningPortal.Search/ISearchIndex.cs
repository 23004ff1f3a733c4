using LearningPortal.Core.Search;

namespace LearningPortal.Search;

/// <summary>The search index of this instance: kept on local disk, fed from the sources through the journal.</summary>
public interface ISearchIndex
{
    /// <summary>Replaces the indexed version of this document (its draft or its published version).</summary>
    void Upsert(SearchDocument document);

    /// <summary>Replaces every indexed version of an item with the given ones; none removes it.</summary>
    void Replace(string kind, string id, IReadOnlyCollection<SearchDocument> versions);

    /// <summary>Removes every version of an item.</summary>
    void Delete(string kind, string id);

    /// <summary>Makes the changes so far durable and searchable, noting the journal entry they bring the index up to.</summary>
    void Commit(long journalPosition);

    /// <summary>Discards everything and indexes the given documents; searches see the old index until it is done.</summary>
    Task RebuildAsync(IAsyncEnumerable<SearchDocument> documents, long journalPosition, CancellationToken cancellationToken);

    SearchResults Search(SearchQuery query);

    /// <summary>The last journal entry applied (from the index's last commit).</summary>
    long JournalPosition { get; }

    SearchIndexStatus Status { get; }
}

/// <summary>What /health and /manage/search show about the index.</summary>
public sealed record SearchIndexStatus(
    SearchIndexState State,
    int DocumentCount,
    long JournalPosition,
    DateTime? BuiltUtc,
    DateTime? CaughtUpUtc,
    string? Problem);

public enum SearchIndexState
{
    /// <summary>Not opened yet.</summary>
    Closed = 0,

    /// <summary>Being built from the sources (at start, on request or after corruption); searches see the previous index or nothing.</summary>
    Building = 1,

    Ready = 2,

    /// <summary>The index could not be opened or rebuilt; see <see cref="SearchIndexStatus.Problem"/>.</summary>
    Failed = 3,
}
