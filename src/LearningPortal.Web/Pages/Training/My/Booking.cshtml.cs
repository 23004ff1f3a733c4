using LearningPortal.Core.Training;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Pages.Training.My;

/// <summary>One of the person's bookings: the details, the joining link (only with a confirmed place) and a way to cancel.</summary>
public class BookingModel(PortalDbContext db, PlaceAllocation places, IOptionsMonitor<TrainingOptions> options, TimeProvider clock) : PageModel
{
    public Core.Training.Booking Booking { get; private set; } = default!;

    public int? Position { get; private set; }

    public bool CanCancel { get; private set; }

    public DateTime CutOffUtc { get; private set; }

    public string ContactEmail => options.CurrentValue.ContactEmail;

    public bool ShowJoiningLink => Booking.Status == BookingStatus.Confirmed && Booking.Session.Format == SessionFormat.Online && !Booking.Session.IsCancelled;

    public async Task<IActionResult> OnGetAsync(int bookingId)
    {
        var userId = User.UserId();
        var booking = await db.Bookings.AsNoTracking().Include(b => b.Session).ThenInclude(s => s.Course).Include(b => b.Agency)
            .SingleOrDefaultAsync(b => b.Id == bookingId && b.UserId == userId);
        if (booking is null)
        {
            return NotFound();
        }

        Booking = booking;
        var now = clock.GetUtcNow().UtcDateTime;
        CutOffUtc = booking.Session.StartUtc - options.CurrentValue.CancellationCutOff;
        CanCancel = booking.IsActive && !booking.Session.IsCancelled && now < booking.Session.StartUtc && (!booking.HoldsPlace || now < CutOffUtc);
        Position = booking.Status == BookingStatus.Waitlisted ? await places.WaitlistPositionAsync(booking, HttpContext.RequestAborted) : null;
        return Page();
    }
}
