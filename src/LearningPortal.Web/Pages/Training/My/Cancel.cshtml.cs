using LearningPortal.Core.Training;

namespace LearningPortal.Web.Pages.Training.My;

/// <summary>Asks the person to confirm cancelling (or leaving the waiting list), then cancels.</summary>
public class CancelModel(PortalDbContext db, BookingService bookings) : PageModel
{
    public Core.Training.Booking Booking { get; private set; } = default!;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int bookingId) => await LoadAsync(bookingId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int bookingId)
    {
        if (!await LoadAsync(bookingId))
        {
            return NotFound();
        }

        var result = await bookings.CancelAsync(bookingId, await this.ActorAsync(), asStaff: false);
        if (!result.Succeeded)
        {
            return this.Refused(result, Page, map: _ => "");
        }

        Notice = Booking.Status == BookingStatus.Waitlisted
            ? $"You have left the waiting list for {Booking.Session.Course.Title}"
            : $"Your booking for {Booking.Session.Course.Title} has been cancelled";
        return RedirectToPage("/Training/My/Index");
    }

    private async Task<bool> LoadAsync(int bookingId)
    {
        var userId = User.UserId();
        var booking = await db.Bookings.AsNoTracking().Include(b => b.Session).ThenInclude(s => s.Course)
            .SingleOrDefaultAsync(b => b.Id == bookingId && b.UserId == userId);
        if (booking is null)
        {
            return false;
        }

        Booking = booking;
        return true;
    }
}
