using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Impact;

/// <summary>The booking and feedback copies the Training and Feedback sections of the impact pages count.</summary>
public partial class ImpactFeed
{
    /// <summary>
    /// Adds the copies of bookings just made (Training's <c>ImpactCopy</c>, in the booking's own save): a new booking has no
    /// copy yet, so nothing is read. A copy added earlier in the same change is kept in step instead.
    /// </summary>
    public void BookingsMade(SessionBookings s)
    {
        foreach (var b in s.Bookings)
        {
            var copy = db.ImpactBookings.Local.FirstOrDefault(x => x.BookingId == b.BookingId);
            if (copy is null)
            {
                copy = new ImpactBooking { BookingId = b.BookingId };
                db.ImpactBookings.Add(copy);
            }

            Apply(copy, s, b);
        }
    }

    /// <summary>Brings the copies of one session's bookings in line with the session as it now stands (updated in place, so an unchanged session writes nothing).</summary>
    private async Task SessionBookingsAsync(SessionBookings s, CancellationToken cancellationToken)
    {
        var copies = await db.ImpactBookings.Where(b => b.SessionId == s.SessionId).ToDictionaryAsync(b => b.BookingId, cancellationToken);
        foreach (var b in s.Bookings)
        {
            if (!copies.Remove(b.BookingId, out var copy))
            {
                copy = db.ImpactBookings.Local.FirstOrDefault(x => x.BookingId == b.BookingId) ?? new ImpactBooking { BookingId = b.BookingId };
                if (db.Entry(copy).State == EntityState.Detached)
                {
                    db.ImpactBookings.Add(copy);
                }
            }

            Apply(copy, s, b);
        }

        // A booking no longer on the session (deleted with its account) loses its copy.
        db.ImpactBookings.RemoveRange(copies.Values);
    }

    /// <summary>A booking copy's fields from the event: one mapping for a new booking, a whole session and the rebuild.</summary>
    private static void Apply(ImpactBooking copy, SessionBookings s, BookingPlace b)
    {
        copy.SessionId = s.SessionId;
        copy.CourseId = s.CourseId;
        copy.CourseTitle = s.CourseTitle;
        copy.LicensesGcp2 = s.LicensesGcp2;
        copy.StartUtc = s.StartUtc;
        copy.UserId = b.UserId;
        copy.AgencyId = b.AgencyId;
        copy.HoldsPlace = b.HoldsPlace;
        copy.Attendance = b.Attendance;
    }

    private void FeedbackGiven(FeedbackGiven f)
    {
        var copy = db.ImpactFeedback.Local.FirstOrDefault(x => x.ResponseId == f.ResponseId);
        if (copy is null)
        {
            copy = new ImpactFeedback { ResponseId = f.ResponseId };
            db.ImpactFeedback.Add(copy);
        }

        copy.FormId = f.FormId;
        copy.DocumentId = f.DocumentId;
        copy.SessionId = f.SessionId;
        copy.AgencyId = f.AgencyId;
        copy.SubmittedUtc = f.SubmittedUtc;
        copy.Usefulness = f.Usefulness;
        copy.ConfidenceBefore = f.ConfidenceBefore;
        copy.ConfidenceAfter = f.ConfidenceAfter;
    }
}
