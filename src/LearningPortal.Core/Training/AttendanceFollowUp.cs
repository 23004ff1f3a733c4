using LearningPortal.Core.Data;
using LearningPortal.Core.Email;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Training;

/// <summary>
/// Sends the thank-you (with the certificate link) and asks for the evaluation for attendees whose register
/// mark was made before the session ended. Each is claimed by a conditional update inside a write transaction
/// before its email is queued, so with several instances each person is thanked exactly once; the evaluation
/// follows through <see cref="SessionAttended"/> after the commit.
/// </summary>
public class AttendanceFollowUp(
    PortalDbContext db,
    TrainingEmails emails,
    Notifications.NotificationPublisher notifications,
    TimeProvider clock)
{
    /// <summary>Follows up every attendee of a session that has ended who has not been thanked. Returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.AttendanceRecords.AsNoTracking()
            .Where(a => a.ThankYouSentUtc == null
                && (a.Outcome == AttendanceOutcome.Attended || a.Outcome == AttendanceOutcome.PartlyAttended)
                && a.Booking.Status == BookingStatus.Confirmed
                && !a.Booking.Session.IsCancelled && a.Booking.Session.EndUtc <= now)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            SessionAttended? attended = null;
            await using (var transaction = await db.BeginWriteTransactionAsync(cancellationToken))
            {
                var claimed = await db.AttendanceRecords
                    .Where(a => a.Id == id && a.ThankYouSentUtc == null
                        && (a.Outcome == AttendanceOutcome.Attended || a.Outcome == AttendanceOutcome.PartlyAttended))
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.ThankYouSentUtc, now), cancellationToken);
                if (claimed != 1)
                {
                    continue;
                }

                var record = await db.AttendanceRecords.AsNoTracking()
                    .Include(a => a.Booking).ThenInclude(b => b.Session).ThenInclude(s => s.Course)
                    .SingleAsync(a => a.Id == id, cancellationToken);
                var booking = record.Booking;
                var session = booking.Session;
                emails.ThankYou(booking, session, certificate: record.EarnsCertificate);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                attended = new SessionAttended(booking.Id, session.Id, session.CourseId, booking.UserId, booking.AgencyId, session.Course.LicensesGcp2);
            }

            sent++;
            await notifications.PublishAsync(attended, cancellationToken);
        }

        return sent;
    }
}
