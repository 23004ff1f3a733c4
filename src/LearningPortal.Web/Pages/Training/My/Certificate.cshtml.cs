using LearningPortal.Core.Training;
using LearningPortal.Web.Themes;

namespace LearningPortal.Web.Pages.Training.My;

/// <summary>A printable certificate of attendance, for the attendee (or partnership staff).</summary>
public class CertificateModel(PortalDbContext db, Theme theme, TimeProvider clock) : PageModel
{
    public Core.Training.Booking Booking { get; private set; } = default!;

    public Theme Theme { get; } = theme;

    public string Number => $"{Booking.Session.StartUtc:yyyy}-{Booking.Id:D6}";

    public async Task<IActionResult> OnGetAsync(int bookingId)
    {
        var userId = User.UserId();
        var staff = User.IsInRole(PortalRoles.Editor);
        var booking = await db.Bookings.AsNoTracking().Include(b => b.Session).ThenInclude(s => s.Course).Include(b => b.Attendance).Include(b => b.Agency)
            .SingleOrDefaultAsync(b => b.Id == bookingId && (b.UserId == userId || staff));
        // A certificate is issued only once the session has ended, however early the register was marked.
        if (booking?.Attendance is not { EarnsCertificate: true } || booking.Session.EndUtc > clock.GetUtcNow().UtcDateTime)
        {
            return NotFound();
        }

        Booking = booking;
        return Page();
    }
}
