using LearningPortal.Core.Training;

namespace LearningPortal.Web.Pages.Training;

/// <summary>The training programme: every published course with its upcoming sessions and places left.</summary>
[AllowAnonymous]
public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Course> Courses { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Courses = await db.Courses.AsNoTracking()
            .Where(c => c.IsPublished)
            .Include(c => c.Sessions.Where(s => !s.IsCancelled && s.StartUtc > now).OrderBy(s => s.StartUtc))
            .OrderBy(c => c.Title)
            .ToListAsync();
    }
}
