using LearningPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Web.Pages.Manage;

/// <summary>The /manage landing page: a link to each area the signed-in member of staff may use.</summary>
public class IndexModel(IAuthorizationService authorization) : PageModel
{
    /// <summary>Every area under /manage, with the policy that lets someone use it. Adding an area is one line.</summary>
    private static readonly ManageArea[] Areas =
    [
        new("Users", "/manage/users", "Find people, change their roles and agency, and disable or re-enable accounts.", PortalPolicies.Administrator),
        new("Agencies", "/manage/agencies", "Add, rename, retire and reinstate the agencies people choose from.", PortalPolicies.Administrator),
        new("Content", "/manage/content", "Write, preview, publish and schedule briefings, strategies, toolkit resources and pages.", PortalPolicies.Editor),
        new("Media library", "/manage/media", "Upload, replace and delete the documents and images that content links to, and see where each is used.", PortalPolicies.Editor),
        new("Supervision", "/manage/supervision", "See how briefings' questions are used in supervision (counts only), and keep the partnership's question sets.", PortalPolicies.Editor),
        new("Feedback", "/manage/feedback", "Build feedback forms and evaluations, and analyse the answers by agency and over time.", PortalPolicies.Editor),
        new("Action plans", "/manage/actions", "Turn recommendations into actions, follow their progress and evidence, and see what is overdue.", PortalPolicies.Editor),
        new("Audit log", "/manage/audit", "See who changed what, and when.", PortalPolicies.Administrator),
    ];

    public IReadOnlyList<ManageArea> Allowed { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var allowed = new List<ManageArea>();
        foreach (var area in Areas)
        {
            if ((await authorization.AuthorizeAsync(User, area.Policy)).Succeeded)
            {
                allowed.Add(area);
            }
        }

        Allowed = allowed;
    }
}

public sealed record ManageArea(string Title, string Href, string Description, string Policy);
