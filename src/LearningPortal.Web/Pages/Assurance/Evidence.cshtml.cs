using LearningPortal.Core.ActionPlans;
using LearningPortal.Web.Pages.Actions;

namespace LearningPortal.Web.Pages.Assurance;

/// <summary>
/// An assurance evidence file, found by its request and random key, for Editors and the leads of the agency that gave it;
/// anyone else, or a key of another request, gets not found.
/// </summary>
public class EvidenceModel(AssuranceRequests requests, PortalDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, Guid key)
    {
        var leadAgency = User.IsInRole(PortalRoles.AgencyLead) ? (await AssurancePages.LeadAsync(User, db))?.AgencyId : null;
        return EvidenceFiles.Download(Response, await requests.EvidenceFileAsync(id, key, User.IsInRole(PortalRoles.Editor), leadAgency));
    }
}
