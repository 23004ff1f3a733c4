using LearningPortal.Core.Training;

namespace LearningPortal.Web.Pages.Training.My;

/// <summary>My training: upcoming places, approvals pending, waiting-list positions, past attendance and certificates.</summary>
public class IndexModel(PortalDbContext db, PlaceAllocation places, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Core.Training.Booking> Upcoming { get; private set; } = [];

    public IReadOnlyList<Core.Training.Booking> AwaitingApproval { get; private set; } = [];

    public IReadOnlyList<(Core.Training.Booking Booking, int Position)> Waiting { get; private set; } = [];

    public IReadOnlyList<Core.Training.Booking> Past { get; private set; } = [];

    public Gcp2RegisterEntry? Gcp2 { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        var userId = User.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        var all = await db.Bookings.AsNoTracking()
            .Include(b => b.Session).ThenInclude(s => s.Course)
            .Include(b => b.Attendance)
            .Where(b => b.UserId == userId)
            .OrderBy(b => b.Session.StartUtc)
            .ToListAsync();
        var future = all.Where(b => b.Session.EndUtc > now && !b.Session.IsCancelled).ToList();
        Upcoming = future.Where(b => b.Status == BookingStatus.Confirmed).ToList();
        AwaitingApproval = future.Where(b => b.Status == BookingStatus.PendingApproval).ToList();
        var waiting = new List<(Core.Training.Booking, int)>();
        foreach (var b in future.Where(b => b.Status == BookingStatus.Waitlisted))
        {
            waiting.Add((b, await places.WaitlistPositionAsync(b, HttpContext.RequestAborted)));
        }

        Waiting = waiting;
        // A session is past once it has ended (even if the register was marked during it), so it is never both booked and past.
        Past = all.Where(b => b.Attendance is not null && b.Session.EndUtc <= now).OrderByDescending(b => b.Session.StartUtc).ToList();
        Gcp2 = await db.Gcp2Register.AsNoTracking().Where(g => g.UserId == userId).OrderByDescending(g => g.TrainedOnUtc).FirstOrDefaultAsync();
    }
}
