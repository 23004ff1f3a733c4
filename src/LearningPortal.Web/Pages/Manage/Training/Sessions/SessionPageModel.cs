using LearningPortal.Core.Training;

namespace LearningPortal.Web.Pages.Manage.Training.Sessions;

/// <summary>A back-office page about one session and its bookings.</summary>
public abstract class SessionPageModel(PortalDbContext db) : PageModel
{
    public TrainingSession Session { get; private set; } = default!;

    /// <summary>Every booking on the session, in arrival order.</summary>
    public IReadOnlyList<Core.Training.Booking> Bookings { get; private set; } = [];

    protected PortalDbContext Db => db;

    protected async Task<bool> LoadAsync(int id)
    {
        var session = await db.TrainingSessions.AsNoTracking().Include(s => s.Course).SingleOrDefaultAsync(s => s.Id == id);
        if (session is null)
        {
            return false;
        }

        Session = session;
        Bookings = await db.Bookings.AsNoTracking().Include(b => b.Agency).Include(b => b.Attendance)
            .Where(b => b.SessionId == id).OrderBy(b => b.QueueNumber).ToListAsync();
        return true;
    }

    public IEnumerable<Core.Training.Booking> Booked => Bookings.Where(b => b.Status == BookingStatus.Confirmed).OrderBy(b => b.AttendeeName, StringComparer.CurrentCulture);
}
