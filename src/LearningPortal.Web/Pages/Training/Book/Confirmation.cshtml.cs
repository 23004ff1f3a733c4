using LearningPortal.Core.Training;

namespace LearningPortal.Web.Pages.Training.Book;

/// <summary>The end of the journey: booked, waiting for approval, or on the waiting list with a position.</summary>
public class ConfirmationModel(PortalDbContext db, PlaceAllocation places) : PageModel
{
    public Core.Training.Booking Booking { get; private set; } = default!;

    public int? Position { get; private set; }

    public async Task<IActionResult> OnGetAsync(int sessionId)
    {
        var userId = User.UserId();
        var booking = await db.Bookings.AsNoTracking().Include(b => b.Session).ThenInclude(s => s.Course)
            .SingleOrDefaultAsync(b => b.SessionId == sessionId && b.UserId == userId);
        if (booking is null)
        {
            return NotFound();
        }

        Booking = booking;
        Position = booking.Status == BookingStatus.Waitlisted ? await places.WaitlistPositionAsync(booking, HttpContext.RequestAborted) : null;
        return Page();
    }
}
