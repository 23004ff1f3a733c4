namespace LearningPortal.Search;

/// <summary>What someone searched for: words (quotes for a phrase), filters, order and page.</summary>
public sealed record SearchQuery
{
    /// <summary>Longest text searched for; the rest is ignored (and the results say so).</summary>
    public const int MaxTextLength = 200;

    /// <summary>Most words and phrases searched for; more make a slow query and rarely a better one.</summary>
    public const int MaxWords = 20;

    public const int MaxPageSize = 50;

    /// <summary>Words and "quoted phrases"; nothing else in it has a special meaning.</summary>
    public string? Text { get; init; }

    public IReadOnlyCollection<string> Kinds { get; init; } = [];

    public IReadOnlyCollection<string> Themes { get; init; } = [];

    public IReadOnlyCollection<int> Years { get; init; } = [];

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 10;

    /// <summary>Back-office search: drafts as well as published items.</summary>
    public bool IncludeDrafts { get; init; }

    /// <summary>True when there is anything to search for: words or at least one filter.</summary>
    public bool HasCriteria => !string.IsNullOrWhiteSpace(Text) || Kinds.Count > 0 || Themes.Count > 0 || Years.Count > 0;
}

/// <summary>Order of results.</summary>
public enum SearchSort
{
    Relevance = 0,
    Newest = 1,
}

internal static class SearchQueryExtensions
{
    public static bool HasFilters(this SearchQuery query) => query.Kinds.Count > 0 || query.Themes.Count > 0 || query.Years.Count > 0;
}
