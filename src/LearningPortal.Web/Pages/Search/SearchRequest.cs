using LearningPortal.Search;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace LearningPortal.Web.Pages.Search;

/// <summary>
/// The search page's query string (q, type, theme, year, sort, page), read leniently: a value that makes no
/// sense is ignored rather than turned into an error. Builds the links that change one part of it.
/// </summary>
public sealed class SearchRequest
{
    private const int MaxValues = 20;
    private const int MaxValueLength = 100;

    public string Text { get; private init; } = "";

    public IReadOnlyList<string> Kinds { get; private init; } = [];

    public IReadOnlyList<string> Themes { get; private init; } = [];

    public IReadOnlyList<int> Years { get; private init; } = [];

    /// <summary>"newest" or "" (relevance).</summary>
    public string Sort { get; private init; } = "";

    public int Page { get; private init; } = 1;

    public bool HasFilters => Kinds.Count > 0 || Themes.Count > 0 || Years.Count > 0;

    public static SearchRequest From(IQueryCollection query)
    {
        // Browsers send the search box as "q"; a second q (header and page boxes both filled) keeps the first.
        var text = query["q"].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "";
        return new SearchRequest
        {
            // Far longer than the index reads; the rest is dropped before it reaches a page.
            Text = text.Length > SearchQuery.MaxTextLength * 4 ? text[..(SearchQuery.MaxTextLength * 4)] : text,
            Kinds = Values(query["type"]),
            Themes = Values(query["theme"]),
            Years = Values(query["year"])
                .Select(y => int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
                .Where(y => y is >= 1900 and <= 2200)
                .Distinct()
                .ToList(),
            Sort = string.Equals(query["sort"], "newest", StringComparison.OrdinalIgnoreCase) ? "newest" : "",
            Page = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= 1000 ? page : 1,
        };
    }

    public SearchQuery ToQuery(bool includeDrafts = false, int pageSize = 10) => new()
    {
        Text = Text,
        Kinds = Kinds,
        Themes = Themes,
        Years = Years,
        Sort = Sort == "newest" || string.IsNullOrWhiteSpace(Text) ? SearchSort.Newest : SearchSort.Relevance,
        Page = Page,
        PageSize = pageSize,
        IncludeDrafts = includeDrafts,
    };

    /// <summary>The address of this search at another page.</summary>
    public string LinkToPage(string path, int page) => Link(path, Text, Kinds, Themes, Years, Sort, page);

    /// <summary>The same filters with other words (the "did you mean" link).</summary>
    public string LinkWithText(string path, string text) => Link(path, text, Kinds, Themes, Years, Sort, 1);

    /// <summary>The same words without filters.</summary>
    public string LinkWithoutFilters(string path) => Link(path, Text, [], [], [], Sort, 1);

    private static string Link(string path, string text, IEnumerable<string> kinds, IEnumerable<string> themes, IEnumerable<int> years, string sort, int page)
    {
        var query = new QueryBuilder();
        if (!string.IsNullOrWhiteSpace(text))
        {
            query.Add("q", text);
        }

        query.Add("type", kinds.ToList());
        query.Add("theme", themes.ToList());
        query.Add("year", years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList());
        if (sort.Length > 0)
        {
            query.Add("sort", sort);
        }

        if (page > 1)
        {
            query.Add("page", page.ToString(CultureInfo.InvariantCulture));
        }

        return path + query.ToQueryString();
    }

    private static List<string> Values(StringValues values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v) && v.Length <= MaxValueLength)
            .Select(v => v!.Trim())
            .Distinct(StringComparer.Ordinal)
            .Take(MaxValues)
            .ToList();
}
