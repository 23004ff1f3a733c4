using LearningPortal.Core.Training;

namespace LearningPortal.Web.Pages.Manage.Training;

/// <summary>The training back office (Editors): courses, upcoming sessions with bookings, reports.</summary>
public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Course> Courses { get; private set; } = [];

    public IReadOnlyList<(TrainingSession Session, int Waiting)> Sessions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-14);
        Courses = await db.Courses.AsNoTracking().OrderBy(c => c.Title).ToListAsync();
        var sessions = await db.TrainingSessions.AsNoTracking().Include(s => s.Course)
            .Where(s => s.EndUtc > since).OrderBy(s => s.StartUtc)
            .Select(s => new { Session = s, Waiting = s.Bookings.Count(b => b.Status == BookingStatus.Waitlisted) })
            .ToListAsync();
        Sessions = sessions.Select(s => (s.Session, s.Waiting)).ToList();
    }
}
