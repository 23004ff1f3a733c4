using LearningPortal.Core.Training;
using LearningPortal.Web.Pages.Training;

namespace LearningPortal.Web.Pages.Manage.Training.Sessions;

/// <summary>A session in the back office: who is booked, waiting and waiting for approval; cancel a booking for someone.</summary>
public class DetailModel(PortalDbContext db, BookingService bookings) : SessionPageModel(db)
{
    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>Cancels a booking on the person's behalf (also after the cut-off, which is recorded as late).</summary>
    public async Task<IActionResult> OnPostCancelBookingAsync(int id, int bookingId)
    {
        if (!await LoadAsync(id) || Bookings.All(b => b.Id != bookingId))
        {
            return NotFound();
        }

        var result = await bookings.CancelAsync(bookingId, await this.ActorAsync(), asStaff: true);
        if (!result.Succeeded)
        {
            return this.Refused(result, Page, map: _ => "");
        }

        Notice = $"Booking for {Bookings.Single(b => b.Id == bookingId).AttendeeName} cancelled";
        return RedirectToPage("/Manage/Training/Sessions/Detail", new { id });
    }
}
