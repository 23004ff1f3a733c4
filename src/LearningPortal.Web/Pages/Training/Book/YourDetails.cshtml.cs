using LearningPortal.Web.Training;

namespace LearningPortal.Web.Pages.Training.Book;

/// <summary>Confirm details: name, agency and job role, filled in from the person's account.</summary>
public class YourDetailsModel(PortalDbContext db, BookingJourneyStore store) : BookingStepModel(db, store)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Agencies { get; private set; } = [];

    public override string BackLink => $"/training/{Session.Course.Slug}/book";

    public async Task<IActionResult> OnGetAsync(int sessionId)
    {
        if (!await LoadAsync(sessionId))
        {
            return NotFound();
        }

        if (Journey.DetailsAnswered)
        {
            Input = new InputModel { AttendeeName = Journey.AttendeeName!, AgencyId = Journey.AgencyId, JobRole = Journey.JobRole! };
        }
        else
        {
            var userId = User.UserId();
            var user = await Db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
            Input = new InputModel { AttendeeName = user.DisplayName, AgencyId = user.AgencyId, JobRole = user.JobRole };
        }

        await LoadAgenciesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int sessionId)
    {
        if (!await LoadAsync(sessionId))
        {
            return NotFound();
        }

        await LoadAgenciesAsync();
        if (Input.AgencyId is { } id && Agencies.All(a => a.Value != id.ToString()))
        {
            ModelState.AddModelError("Input.AgencyId", "Select your agency");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Journey.AttendeeName = Input.AttendeeName.Trim();
        Journey.AgencyId = Input.AgencyId;
        Journey.JobRole = Input.JobRole.Trim();
        SaveJourney();
        return Redirect(Request.Query["change"] == "1" ? StepPath("check") : AfterDetails);
    }

    private async Task LoadAgenciesAsync() =>
        Agencies = await Db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.SortOrder)
            .Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your full name")]
        [StringLength(200, ErrorMessage = "Full name must be 200 characters or fewer")]
        public string AttendeeName { get; set; } = "";

        [Required(ErrorMessage = "Select your agency")]
        public int? AgencyId { get; set; }

        [Required(ErrorMessage = "Enter your job role")]
        [StringLength(200, ErrorMessage = "Job role must be 200 characters or fewer")]
        public string JobRole { get; set; } = "";
    }
}
