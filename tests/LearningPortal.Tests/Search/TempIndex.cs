using LearningPortal.Core.Search;
using LearningPortal.Search;
using LearningPortal.Search.Lucene;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearningPortal.Tests.Search;

/// <summary>A real index in a throwaway folder, for tests of the index on its own.</summary>
public sealed class TempIndex : IDisposable
{
    public TempIndex(params SearchDocument[] documents)
        : this(TimeProvider.System, documents)
    {
    }

    /// <summary>An index whose searches read the time from the given clock (to move past an item's expiry).</summary>
    public TempIndex(TimeProvider clock, params SearchDocument[] documents)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lp-tests", "index-" + Guid.NewGuid().ToString("N"));
        Index = new LuceneSearchIndex(Path, NullLogger<LuceneSearchIndex>.Instance, clock);
        Index.Open();
        Add(documents);
    }

    public string Path { get; }

    public LuceneSearchIndex Index { get; }

    public void Add(params SearchDocument[] documents)
    {
        foreach (var d in documents)
        {
            Index.Upsert(d);
        }

        Index.Commit(Index.JournalPosition);
    }

    public SearchResults Search(string text, Func<SearchQuery, SearchQuery>? refine = null)
    {
        var query = new SearchQuery { Text = text };
        return Index.Search(refine is null ? query : refine(query));
    }

    public void Dispose()
    {
        Index.Dispose();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
