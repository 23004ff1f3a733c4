using LearningPortal.Core.Search;
using LearningPortal.Search;

namespace LearningPortal.Web.Pages.Search;

/// <summary>/search: everything published, for everyone, with filters by type, theme and year.</summary>
[AllowAnonymous]
public class IndexModel(ISearchIndex index, IEnumerable<ISearchSource> sources) : PageModel
{
    public const string Path = "/search";

    public SearchRequest Criteria { get; private set; } = default!;

    public SearchResults Results { get; private set; } = default!;

    public SearchKindNames Kinds { get; } = new(sources);

    public bool IndexBuilding { get; private set; }

    public void OnGet()
    {
        Criteria = SearchRequest.From(HttpContext.Request.Query);
        Results = index.Search(Criteria.ToQuery());
        IndexBuilding = index.Status.State == SearchIndexState.Building;
        // Results differ by query and change as content is published; proxies must not keep them.
        Response.Headers.CacheControl = "no-cache";
    }
}
