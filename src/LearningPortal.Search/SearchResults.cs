namespace LearningPortal.Search;

/// <summary>The answer to a <see cref="SearchQuery"/>: never an exception, always something to show.</summary>
public sealed record SearchResults
{
    public SearchOutcome Outcome { get; init; }

    /// <summary>How many items match (across all pages).</summary>
    public int Total { get; init; }

    /// <summary>This page's items.</summary>
    public IReadOnlyList<SearchHit> Hits { get; init; } = [];

    public SearchFacets Facets { get; init; } = SearchFacets.Empty;

    /// <summary>A corrected query ("did you mean"), built from words that are in the index, or null.</summary>
    public string? Suggestion { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 10;

    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;

    /// <summary>The text was longer than <see cref="SearchQuery.MaxTextLength"/> and was cut.</summary>
    public bool TextShortened { get; init; }

    /// <summary>No result had every word, so these are results with any of them.</summary>
    public bool MatchedAnyWord { get; init; }

    public static SearchResults For(SearchOutcome outcome, SearchQuery query) =>
        new() { Outcome = outcome, Page = query.Page, PageSize = query.PageSize };
}

/// <summary>What kind of answer it is, so that the page can say the right thing.</summary>
public enum SearchOutcome
{
    /// <summary>There are results (or none matched: <see cref="SearchResults.Total"/> is 0).</summary>
    Results = 0,

    /// <summary>Nothing was asked: no words and no filters.</summary>
    NothingToSearch = 1,

    /// <summary>The text had no searchable words (only symbols or very common words like "and").</summary>
    NoSearchableWords = 2,

    /// <summary>The index is being built or could not be read; try again shortly.</summary>
    IndexUnavailable = 3,
}

/// <summary>One result, ready to show: the title and snippet are HTML in which only &lt;mark&gt; is markup.</summary>
public sealed record SearchHit
{
    public required string Kind { get; init; }

    public required string Id { get; init; }

    /// <summary>Site-relative address; "#" when the source gave something else.</summary>
    public required string Url { get; init; }

    public required string Title { get; init; }

    /// <summary>The title HTML-encoded with matched words in &lt;mark&gt;.</summary>
    public required string TitleHtml { get; init; }

    /// <summary>A matching passage HTML-encoded with matched words in &lt;mark&gt;, or the summary.</summary>
    public required string SnippetHtml { get; init; }

    public IReadOnlyList<string> Themes { get; init; } = [];

    public string? Format { get; init; }

    public DateOnly? Date { get; init; }

    public DateTime UpdatedUtc { get; init; }

    public bool IsDraft { get; init; }
}

/// <summary>Counts per filter value over the items that match the words and the other filters.</summary>
public sealed record SearchFacets(IReadOnlyList<FacetCount> Kinds, IReadOnlyList<FacetCount> Themes, IReadOnlyList<FacetCount> Years)
{
    public static SearchFacets Empty { get; } = new([], [], []);
}

/// <summary>A filter value, how many items it would show, and whether it is chosen.</summary>
public sealed record FacetCount(string Value, int Count, bool Selected);
