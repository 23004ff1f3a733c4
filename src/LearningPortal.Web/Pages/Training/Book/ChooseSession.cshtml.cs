using LearningPortal.Core.Training;

namespace LearningPortal.Web.Pages.Training.Book;

/// <summary>The first step of booking: which session of the course.</summary>
public class ChooseSessionModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public Course Course { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> Sessions { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Select a session")]
    public int? SessionId { get; set; }

    public async Task<IActionResult> OnGetAsync(string courseSlug) =>
        await LoadAsync(courseSlug) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string courseSlug)
    {
        if (!await LoadAsync(courseSlug))
        {
            return NotFound();
        }

        if (SessionId is { } id && Sessions.All(s => s.Value != id.ToString()))
        {
            ModelState.AddModelError(nameof(SessionId), "Select a session");
        }

        return ModelState.IsValid ? RedirectToPage("/Training/Book/YourDetails", new { sessionId = SessionId }) : Page();
    }

    private async Task<bool> LoadAsync(string courseSlug)
    {
        var course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == courseSlug && c.IsPublished);
        if (course is null)
        {
            return false;
        }

        Course = course;
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.TrainingSessions.AsNoTracking()
            .Where(s => s.CourseId == course.Id && !s.IsCancelled && s.StartUtc > now && s.BookingOpensUtc <= now && s.BookingClosesUtc >= now)
            .OrderBy(s => s.StartUtc)
            .ToListAsync();
        Sessions = open.Select(s => new SelectListItem($"{SessionTimes.Describe(s)}, {s.Where} ({s.PlacesText()})", s.Id.ToString())).ToList();
        return true;
    }
}
