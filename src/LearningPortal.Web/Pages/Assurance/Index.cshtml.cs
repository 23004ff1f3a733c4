using LearningPortal.Core.ActionPlans;

namespace LearningPortal.Web.Pages.Assurance;

/// <summary>An Agency lead's assurance requests: those to their own agency only, open ones first.</summary>
public class IndexModel(AssuranceRequests requests, PortalDbContext db) : PageModel
{
    public IReadOnlyList<AgencyRequestRow> Rows { get; private set; } = [];

    public string AgencyName { get; private set; } = "";

    public DateOnly Today => requests.Today;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await AssurancePages.LeadAsync(User, db) is not { } lead)
        {
            return NotFound();
        }

        AgencyName = await db.Agencies.Where(a => a.Id == lead.AgencyId).Select(a => a.Name).SingleAsync();
        Rows = await requests.ForAgencyAsync(lead.AgencyId);
        return Page();
    }
}
