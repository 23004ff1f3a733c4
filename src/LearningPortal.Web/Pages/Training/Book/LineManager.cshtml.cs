using LearningPortal.Web.Training;

namespace LearningPortal.Web.Pages.Training.Book;

/// <summary>
/// For sessions that need approval: who the person's line manager is, filled in from their profile. The manager
/// must be someone else (not the person's own address, now or before); the answer is saved to the profile on booking.
/// </summary>
public class LineManagerModel(PortalDbContext db, BookingJourneyStore store, LineManagers lineManagers) : BookingStepModel(db, store)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public override string BackLink => StepPath("your-details");

    public async Task<IActionResult> OnGetAsync(int sessionId)
    {
        if (!await LoadAsync(sessionId))
        {
            return NotFound();
        }

        if (!Session.RequiresManagerApproval)
        {
            return Redirect(StepPath("needs"));
        }

        if (RedirectToMissingStep("line-manager") is { } missing)
        {
            return missing;
        }

        var userId = User.UserId();
        var profile = await Db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.LineManagerName, u.LineManagerEmail }).SingleOrDefaultAsync();
        Input = new InputModel
        {
            Name = Journey.LineManagerName ?? profile?.LineManagerName ?? "",
            Email = Journey.LineManagerEmail ?? profile?.LineManagerEmail ?? "",
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int sessionId)
    {
        if (!await LoadAsync(sessionId))
        {
            return NotFound();
        }

        if (ModelState.IsValid && await lineManagers.ProblemWithAsync(User.UserId(), Input.Email, HttpContext.RequestAborted) is { } problem)
        {
            ModelState.AddModelError("Input.Email", problem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Journey.LineManagerName = Input.Name.Trim();
        Journey.LineManagerEmail = Input.Email.Trim();
        SaveJourney();
        return Redirect(Request.Query["change"] == "1" ? StepPath("check") : StepPath("needs"));
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your line manager's full name")]
        [StringLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter your line manager's email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string Email { get; set; } = "";
    }
}
