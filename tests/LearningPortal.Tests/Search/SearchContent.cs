using LearningPortal.Core.Search;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using LearningPortal.Search;

namespace LearningPortal.Tests.Search;

/// <summary>
/// Stands in for the content and training modules' data in the search tests: what is "in the database" for
/// the index to read. Shared by every instance that is meant to share a database.
/// </summary>
public sealed class SearchContentStore
{
    private readonly ConcurrentDictionary<(string Kind, string Id, bool Draft), SearchDocument> documents = new();

    public int PublishedCount => documents.Values.Count(d => !d.IsDraft);

    public int Count => documents.Count;

    public void Put(params SearchDocument[] items)
    {
        foreach (var d in items)
        {
            documents[(d.Kind, d.Id, d.IsDraft)] = d;
        }
    }

    public void Remove(string kind, string id, bool? draft = null)
    {
        foreach (var key in documents.Keys.Where(k => k.Kind == kind && k.Id == id && (draft is null || k.Draft == draft)).ToList())
        {
            documents.TryRemove(key, out _);
        }
    }

    public IEnumerable<SearchDocument> Items(bool includeDrafts) =>
        documents.Values.Where(d => includeDrafts || !d.IsDraft).OrderBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal);
}

/// <summary>An <see cref="ISearchSource"/> over <see cref="SearchContentStore"/>: what content and training implement at merge.</summary>
public sealed class TestSearchSource(SearchContentStore store) : ISearchSource
{
    public IReadOnlyCollection<SearchKind> Kinds { get; } =
    [
        new("briefing", "Learning briefing"),
        new("strategy", "Strategy"),
        new("toolkit", "Toolkit resource"),
        new("page", "Page"),
        new("course", "Training course"),
    ];

    public async IAsyncEnumerable<SearchDocument> GetAllAsync(bool includeDrafts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var d in store.Items(includeDrafts))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return d;
        }

        await Task.CompletedTask;
    }

    public Task<IReadOnlyCollection<SearchDocument>> GetAsync(string kind, string id, bool includeDrafts, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<SearchDocument>>(store.Items(includeDrafts).Where(d => d.Kind == kind && d.Id == id).ToList());
}

/// <summary>Builders for search documents.</summary>
public static class Docs
{
    public static SearchDocument Briefing(string id, string title, string body = "", int year = 2024) => new()
    {
        Kind = "briefing",
        Id = id,
        Url = $"/learning/{id}",
        Title = title,
        Body = body,
        Themes = ["Neglect"],
        Format = "Learning briefing",
        Date = new DateOnly(year, 3, 1),
        UpdatedUtc = new DateTime(year, 3, 1, 9, 0, 0, DateTimeKind.Utc),
    };

    public static SearchDocument Of(string kind, string id, string title, string body = "", int year = 2024, params string[] themes) => new()
    {
        Kind = kind,
        Id = id,
        Url = $"/{kind}/{id}",
        Title = title,
        Body = body,
        Themes = themes.Length == 0 ? ["Neglect"] : themes,
        Date = new DateOnly(year, 6, 1),
        UpdatedUtc = new DateTime(year, 6, 1, 9, 0, 0, DateTimeKind.Utc),
    };

    /// <summary>
    /// A small published library like the partnership's: 24 items of five kinds over three themes and five
    /// years; "neglect" matches more than ten of them (two pages of results).
    /// </summary>
    public static SearchDocument[] Library()
    {
        var list = new List<SearchDocument>();
        string[] places = ["Barnsley", "Walsall", "Gloucestershire", "Riverside", "Northmoor", "Kirklees", "Calderdale", "Wakefield", "Sefton", "Halton", "Wirral", "Bury", "Oldham", "Rochdale"];
        for (var i = 0; i < places.Length; i++)
        {
            list.Add(Briefing($"briefing-{i + 1}", $"Multi-agency neglect audit: {places[i]}",
                $"The audit looked at {10 + i} families. Practitioners recognised neglect but drift and delay meant children waited too long. " +
                "Supervision helped staff hold the voice of the child in mind.", 2021 + (i % 5)) with
            {
                Questions = ["How confident are we that the voice of the child is captured in every assessment?", "Do your supervision arrangements build staff confidence?"],
                Summary = $"What the {places[i]} audit of neglect found and what to do now.",
            });
        }

        list.Add(Of("strategy", "neglect-strategy", "Neglect strategy 2023 to 2026", "Our definition of neglect and five strategic objectives, with measures of success.", 2023));
        list.Add(Of("toolkit", "screening-tool", "Neglect screening tool", "Use the screening tool when you are worried a child's needs are being neglected.", 2022));
        list.Add(Of("toolkit", "gcp2", "Graded Care Profile 2 (GCP2)", "An evidence-based tool for assessing neglect. You must be trained before you use it.", 2024));
        list.Add(Of("toolkit", "gcp2-guidance", "Guidance on using the GCP2", "How to plan a GCP2 assessment of neglect with a family.", 2025));
        list.Add(Of("page", "about", "About the partnership", "The partnership is the local authority, police and health services working together on neglect.", 2021));
        list.Add(Of("briefing", "exploitation-1", "Child exploitation: learning from a review", "Contextual safeguarding and disrupting exploitation outside the home.", 2024, "Exploitation"));
        list.Add(Of("briefing", "exploitation-2", "Criminal exploitation and county lines", "Recognising criminal exploitation of children; links with neglect at home.", 2025, "Exploitation", "Neglect"));
        list.Add(Of("briefing", "domestic-abuse-1", "Domestic abuse: children's lived experience", "Children living with domestic abuse are victims in their own right.", 2023, "Domestic abuse"));
        list.Add(Of("page", "contact", "Contact the business unit", "Email the business unit with any question about training or briefings.", 2022));
        list.Add(Of("course", "understanding-neglect", "Understanding neglect (course)", "A one-day multi-agency course on recognising and responding to neglect.", 2025));
        return [.. list];
    }
}
