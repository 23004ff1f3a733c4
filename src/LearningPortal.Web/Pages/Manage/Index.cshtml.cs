using Microsoft.AspNetCore.Mvc.Abstractions;

namespace LearningPortal.Web.Pages.Manage;

/// <summary>
/// The /manage landing page: a link to each area the signed-in person may use. The areas are the folders under
/// /Manage that have an index page, and whether someone may use one is decided by that page's own endpoint
/// authorisation (the folder conventions), so the list cannot drift from what the pages allow.
/// </summary>
public class IndexModel(EndpointDataSource endpoints, IAuthorizationPolicyProvider policies, IAuthorizationService authorization) : PageModel
{
    /// <summary>What each area is called and what it is for, by its index page. A new area needs a line here (a test checks).</summary>
    public static readonly IReadOnlyDictionary<string, (string Title, string Description)> Descriptions = new Dictionary<string, (string, string)>
    {
        ["/Manage/Users/Index"] = ("Users", "Find people, change their roles and agency, and disable or re-enable accounts."),
        ["/Manage/Agencies/Index"] = ("Agencies", "Add, rename, retire and reinstate the agencies people choose from."),
        ["/Manage/Content/Index"] = ("Content", "Write, preview, publish and schedule briefings, strategies, toolkit resources and pages."),
        ["/Manage/Media/Index"] = ("Media library", "Upload, replace and delete the documents and images that content links to, and see where each is used."),
        ["/Manage/Training/Index"] = ("Training", "Run courses and sessions, mark registers, keep the GCP2 register and download training reports."),
        ["/Manage/Supervision/Index"] = ("Supervision", "See how briefings' questions are used in supervision (counts only), and keep the partnership's question sets."),
        ["/Manage/Feedback/Index"] = ("Feedback", "Build feedback forms and evaluations, and analyse the answers by agency and over time."),
        ["/Manage/Search/Index"] = ("Search index", "See the state of the search index, rebuild it, and search drafts as well as published content."),
        ["/Manage/Actions/Index"] = ("Action plans", "Turn recommendations into actions, follow their progress and evidence, and see what is overdue."),
        ["/Manage/Impact/Index"] = ("Impact", "See how far each published briefing reached: readers by agency and month, and reflections, with small numbers hidden."),
        ["/Manage/Audit/Index"] = ("Audit log", "See who changed what, and when."),
    };

    public IReadOnlyList<ManageArea> Allowed { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var allowed = new List<ManageArea>();
        foreach (var (page, endpoint) in AreaEndpoints(endpoints))
        {
            var (title, description) = Descriptions.TryGetValue(page, out var text) ? text : (page.Split('/')[2], "");
            if (await MayUseAsync(endpoint))
            {
                allowed.Add(new ManageArea(title, Url.Page(page) ?? page.ToLowerInvariant(), description));
            }
        }

        // In the order of the descriptions (the order people think of them in), then any not described.
        Allowed = allowed.OrderBy(a => Descriptions.Values.Select(d => d.Title).ToList().IndexOf(a.Title) is var i and >= 0 ? i : int.MaxValue).ToList();
    }

    /// <summary>The index page of every folder directly under /Manage (/Manage/Training/Index, ...), with its endpoint.</summary>
    public static IEnumerable<(string Page, RouteEndpoint Endpoint)> AreaEndpoints(EndpointDataSource endpoints) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Page: e.Metadata.GetMetadata<ActionDescriptor>() is PageActionDescriptor p ? p.ViewEnginePath : null, Endpoint: e))
            .Where(x => x.Page is { } path && path.StartsWith("/Manage/", StringComparison.Ordinal) && path.EndsWith("/Index", StringComparison.Ordinal) && path.Count(c => c == '/') == 3)
            .GroupBy(x => x.Page!)
            // A page with several routes: the one without parameters is the area's address.
            .Select(g => (g.Key, g.OrderBy(x => x.Endpoint.RoutePattern.Parameters.Count).First().Endpoint));

    private async Task<bool> MayUseAsync(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return true;
        }

        var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        if (policy is null)
        {
            return true;
        }

        return (await authorization.AuthorizeAsync(User, HttpContext, policy)).Succeeded;
    }
}

public sealed record ManageArea(string Title, string Href, string Description);
