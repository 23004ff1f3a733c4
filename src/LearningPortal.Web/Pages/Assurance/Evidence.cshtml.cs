using LearningPortal.Core.Accounts;
using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
        if (await requests.EvidenceFileAsync(id, key, User.IsInRole(PortalRoles.Editor), leadAgency) is not { } file)
        {
            return NotFound();
        }

        // Private: never kept by a shared cache; always a download, never rendered in the site's origin.
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Content, file.ContentType, file.FileName);
    }
}
