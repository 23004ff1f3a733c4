using LearningPortal.Web.Training;

namespace LearningPortal.Web.Pages.Training.Book;

/// <summary>Access or dietary needs (both optional).</summary>
public class NeedsModel(PortalDbContext db, BookingJourneyStore store) : BookingStepModel(db, store)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public override string BackLink => Session.RequiresManagerApproval ? StepPath("line-manager") : StepPath("your-details");

    public async Task<IActionResult> OnGetAsync(int sessionId)
    {
        if (!await LoadAsync(sessionId))
        {
            return NotFound();
        }

        if (RedirectToMissingStep("needs") is { } missing)
        {
            return missing;
        }

        Input = new InputModel { AccessNeeds = Journey.AccessNeeds, DietaryNeeds = Journey.DietaryNeeds };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int sessionId)
    {
        if (!await LoadAsync(sessionId))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Journey.AccessNeeds = string.IsNullOrWhiteSpace(Input.AccessNeeds) ? null : Input.AccessNeeds.Trim();
        Journey.DietaryNeeds = string.IsNullOrWhiteSpace(Input.DietaryNeeds) ? null : Input.DietaryNeeds.Trim();
        Journey.NeedsAnswered = true;
        SaveJourney();
        return Redirect(StepPath("check"));
    }

    public sealed class InputModel
    {
        [StringLength(2000, ErrorMessage = "Access needs must be 2,000 characters or fewer")]
        public string? AccessNeeds { get; set; }

        [StringLength(2000, ErrorMessage = "Dietary needs must be 2,000 characters or fewer")]
        public string? DietaryNeeds { get; set; }
    }
}
