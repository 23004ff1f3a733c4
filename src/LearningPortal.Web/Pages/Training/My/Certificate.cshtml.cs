using LearningPortal.Core.Accounts;
using LearningPortal.Core.Data;
using LearningPortal.Core.Training;
using LearningPortal.Web.Security;
using LearningPortal.Web.Themes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Web.Pages.Training.My;

/// <summary>A printable certificate of attendance, for the attendee (or partnership staff).</summary>
public class CertificateModel(PortalDbContext db, Theme theme) : PageModel
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
        if (booking?.Attendance is not { EarnsCertificate: true })
        {
            return NotFound();
        }

        Booking = booking;
        return Page();
    }
}
