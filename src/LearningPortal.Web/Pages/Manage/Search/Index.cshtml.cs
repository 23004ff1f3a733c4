using LearningPortal.Core.Search;
using System.Security.Claims;
using LearningPortal.Core.Auditing;
using LearningPortal.Search;
using LearningPortal.Web.Pages.Search;

namespace LearningPortal.Web.Pages.Manage.Search;

/// <summary>
/// /manage/search (partnership staff, by the /Manage folder's policy): the index's state, a rebuild button,
/// and a search that includes drafts.
/// </summary>
public class IndexModel(
    ISearchIndex index,
    SearchIndexer indexer,
    AuditLog audit,
    PortalDbContext db,
    IEnumerable<ISearchSource> sources) : PageModel
{
    public const string Path = "/manage/search";

    public SearchIndexStatus Status { get; private set; } = default!;

    public SearchRequest Criteria { get; private set; } = default!;

    public SearchResults? Results { get; private set; }

    public SearchKindNames Kinds { get; } = new(sources);

    public bool RebuildRequested { get; private set; }

    public void OnGet()
    {
        Status = index.Status;
        RebuildRequested = Request.Query["rebuild"] == "requested";
        Criteria = SearchRequest.From(Request.Query);
        if (!string.IsNullOrWhiteSpace(Criteria.Text))
        {
            Results = index.Search(Criteria.ToQuery(includeDrafts: true, pageSize: 20));
        }
    }

    public async Task<IActionResult> OnPostRebuildAsync()
    {
        indexer.RequestRebuild();
        audit.Record(User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name ?? "", "search.index.rebuild", "search-index",
            Environment.MachineName, $"Rebuild of the search index requested on {Environment.MachineName}");
        await db.SaveChangesAsync();
        return Redirect(Path + "?rebuild=requested");
    }
}
