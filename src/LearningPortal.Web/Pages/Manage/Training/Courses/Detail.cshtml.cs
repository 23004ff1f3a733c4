using LearningPortal.Core.Training;

namespace LearningPortal.Web.Pages.Manage.Training.Courses;

/// <summary>A course in the back office, with all its sessions.</summary>
public class DetailModel(PortalDbContext db) : PageModel
{
    public Course Course { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var course = await db.Courses.AsNoTracking().Include(c => c.PrerequisiteCourse)
            .Include(c => c.Sessions.OrderByDescending(s => s.StartUtc)).SingleOrDefaultAsync(c => c.Id == id);
        if (course is null)
        {
            return NotFound();
        }

        Course = course;
        return Page();
    }
}
