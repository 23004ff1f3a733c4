using LearningPortal.Core.Training;

namespace LearningPortal.Web.Pages.Training;

/// <summary>A course's page: what it covers, who it is for, and its upcoming sessions with places left.</summary>
[AllowAnonymous]
public class CourseModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public Course Course { get; private set; } = default!;

    public IReadOnlyList<TrainingSession> Sessions { get; private set; } = [];

    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string courseSlug)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var course = await db.Courses.AsNoTracking().Include(c => c.PrerequisiteCourse)
            .SingleOrDefaultAsync(c => c.Slug == courseSlug && c.IsPublished);
        if (course is null)
        {
            return NotFound();
        }

        Course = course;
        var now = Now;
        Sessions = await db.TrainingSessions.AsNoTracking()
            .Where(s => s.CourseId == course.Id && !s.IsCancelled && s.StartUtc > now)
            .OrderBy(s => s.StartUtc)
            .ToListAsync();
        return Page();
    }

    public bool IsOpen(TrainingSession s) => s.BookingOpensUtc <= Now && Now <= s.BookingClosesUtc;
}
