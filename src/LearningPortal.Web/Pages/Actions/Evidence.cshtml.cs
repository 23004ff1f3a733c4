using LearningPortal.Core.ActionPlans;

namespace LearningPortal.Web.Pages.Actions;

/// <summary>
/// An evidence file, found by its action and its random key, for the action's lead or an Editor only (the same check as
/// the action's page); anyone else, or a key of another action, gets not found.
/// </summary>
public class EvidenceModel(ActionQueries queries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, Guid key) =>
        EvidenceFiles.Download(Response, await queries.EvidenceFileAsync(id, key, User.UserId(), User.IsInRole(PortalRoles.Editor)));
}
