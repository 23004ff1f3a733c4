using LearningPortal.Core.ActionPlans;
using LearningPortal.Web.Pages.Actions;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Pages.Assurance;

/// <summary>
/// One request to the lead's agency, and the agency's answer: a rating, a narrative and evidence (words, links, files),
/// saved as a draft or sent, and changed until the request closes. Text that looks like it identifies a child or family
/// is shown back once (<see cref="EvidenceFormPageModel"/>). Another agency's request is not found.
/// </summary>
public class AnswerModel(AssuranceRequests requests, PortalDbContext db, IOptionsMonitor<ActionPlanOptions> options) : EvidenceFormPageModel(options)
{
    [BindProperty]
    public string? Rating { get; set; }

    [BindProperty]
    public string? Narrative { get; set; }

    /// <summary>"send" or "draft": which button was used.</summary>
    [BindProperty]
    public string? Intent { get; set; }

    public AgencyRequestDetail Detail { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> Ratings { get; } = AssurancePages.Ratings.Select(r => new SelectListItem(r.Text, r.Value)).ToList();

    public DateOnly Today => requests.Today;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Version = Detail.Version;
        Rating = Detail.Rating?.ToString();
        Narrative = Detail.Narrative;
        Evidence = Detail.Evidence;
        Links = Detail.Links;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await AssurancePages.LeadAsync(User, db) is not { } lead || !await LoadAsync(id))
        {
            return NotFound();
        }

        AssuranceRating? rating = Enum.TryParse<AssuranceRating>(Rating, out var r) && Enum.IsDefined(r) ? r : null;
        if (NeedsIdentifyingPrompt(("Narrative", nameof(Narrative), Narrative), ("Evidence", nameof(Evidence), Evidence)))
        {
            return Page();
        }

        var files = await ReadFilesAsync();

        var send = Intent != "draft";
        var result = await requests.SaveAnswerAsync(id, new AssuranceAnswerInput(rating, Narrative, Evidence, Links, files, send), Version, lead);
        switch (result.Refusal)
        {
            case Refusal.None:
                TempData["Success"] = !send ? "Draft saved. It has not been sent to the partnership yet"
                    : Detail.State == AnswerState.Sent ? "Your agency's answer has been updated" : "Your agency's answer has been sent";
                return RedirectToPage("/Assurance/Index");
            case Refusal.NotFound:
                return NotFound();
            case Refusal.Conflict:
                return ShowConflict(result.Message, Detail.Version);
            default:
                ModelState.AddRefusal(result, map: f => f);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await AssurancePages.LeadAsync(User, db) is not { } lead || await requests.FindForAgencyAsync(id, lead.AgencyId) is not { } request)
        {
            return false;
        }

        Detail = request;
        return true;
    }
}
