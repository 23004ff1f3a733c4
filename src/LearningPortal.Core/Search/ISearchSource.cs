namespace LearningPortal.Core.Search;

/// <summary>
/// What the index is built from. Each module that has searchable items (content, training) registers one,
/// for the kinds it owns, and records a journal entry (<see cref="SearchJournal"/>) whenever one
/// of its items changes.
/// </summary>
public interface ISearchSource
{
    /// <summary>The kinds this source supplies, with the names people see in the type filter.</summary>
    IReadOnlyCollection<SearchKind> Kinds { get; }

    /// <summary>
    /// Every item to index: the published version of each, and when <paramref name="includeDrafts"/>, each
    /// draft not yet published too (marked <see cref="SearchDocument.IsDraft"/>).
    /// </summary>
    IAsyncEnumerable<SearchDocument> GetAllAsync(bool includeDrafts, CancellationToken cancellationToken);

    /// <summary>The current versions of one item (published and, when asked, draft); none if it is gone or unpublished.</summary>
    Task<IReadOnlyCollection<SearchDocument>> GetAsync(string kind, string id, bool includeDrafts, CancellationToken cancellationToken);
}

/// <summary>A kind of searchable item and its name in the type filter ("briefing" is "Learning briefings").</summary>
public sealed record SearchKind(string Name, string Label);
