using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using LearningPortal.Core.Email;
using LearningPortal.Core.Impact;
using LearningPortal.Core.Notifications;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Training;

/// <summary>One line of the register as the trainer marks it.</summary>
public sealed record AttendanceMark(int BookingId, AttendanceOutcome Outcome, string? SubstituteName = null, string? Notes = null);

/// <summary>
/// The register of a session, open from the session's start. Marking someone as attended, once the session
/// has ended, makes their certificate available and sends the thank-you and the evaluation (marks made during
/// the session are followed up when it ends, by <see cref="AttendanceFollowUp"/>). For a course that licenses
/// GCP2 it writes them into the GCP2 register with the refresher due date. Attendees are thanked once, however
/// often the register is corrected.
/// </summary>
public class SessionRegister(
    PortalDbContext db,
    SessionLocks locks,
    TrainingEmails emails,
    AuditLog audit,
    NotificationPublisher notifications,
    ImpactFeed impact,
    IOptionsMonitor<TrainingOptions> options,
    TimeProvider clock)
{
    public async Task<Outcome<int>> RecordAsync(int sessionId, IReadOnlyCollection<AttendanceMark> marks, Actor actor, CancellationToken cancellationToken = default)
    {
        var published = new List<ITrainingNotification>();
        var result = await locks.RunAsync(db, sessionId, async session =>
        {
            if (session is null)
            {
                return TrainingOutcome.Refused<int>(TrainingRefusal.NotFound, "This session does not exist");
            }

            if (session.IsCancelled)
            {
                return TrainingOutcome.Refused<int>(TrainingRefusal.SessionCancelled, "This session was cancelled, so it has no register");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (now < session.StartUtc)
            {
                return TrainingOutcome.Refused<int>(TrainingRefusal.RegisterNotYetOpen,
                    $"You can mark the register once the session has started, on {UkTime.Format(session.StartUtc)}");
            }

            var bookings = await db.Bookings.Include(b => b.Attendance)
                .Where(b => b.SessionId == sessionId && b.Status == BookingStatus.Confirmed)
                .ToDictionaryAsync(b => b.Id, cancellationToken);
            var gcp2 = session.Course.LicensesGcp2
                ? await db.Gcp2Register.Where(g => g.SessionId == sessionId).ToDictionaryAsync(g => g.BookingId, cancellationToken)
                : [];
            foreach (var mark in marks)
            {
                if (!bookings.TryGetValue(mark.BookingId, out var booking))
                {
                    continue;
                }

                var record = booking.Attendance;
                var wasThere = record is { Outcome: AttendanceOutcome.Attended or AttendanceOutcome.PartlyAttended };
                if (record is null)
                {
                    record = new AttendanceRecord { BookingId = booking.Id };
                    db.AttendanceRecords.Add(record);
                    booking.Attendance = record;
                }

                record.Outcome = mark.Outcome;
                record.SubstituteName = mark.Outcome == AttendanceOutcome.DidNotAttend && !string.IsNullOrWhiteSpace(mark.SubstituteName) ? mark.SubstituteName.Trim() : null;
                record.Notes = string.IsNullOrWhiteSpace(mark.Notes) ? null : mark.Notes.Trim();
                record.RecordedUtc = now;
                record.RecordedByUserId = actor.UserId;

                // The register can be marked from the start, but the thank-you (with the certificate) and the
                // evaluation wait for the end: AttendanceFollowUp sends those marked during the session.
                var isThere = mark.Outcome is AttendanceOutcome.Attended or AttendanceOutcome.PartlyAttended;
                if (isThere && now >= session.EndUtc)
                {
                    var firstFollowUp = record.ThankYouSentUtc is null;
                    if (firstFollowUp)
                    {
                        record.ThankYouSentUtc = now;
                        emails.ThankYou(booking, session, certificate: record.EarnsCertificate);
                    }

                    if (firstFollowUp || !wasThere)
                    {
                        published.Add(new SessionAttended(booking.Id, session.Id, session.CourseId, booking.UserId, booking.AgencyId, session.Course.LicensesGcp2));
                    }
                }

                if (session.Course.LicensesGcp2)
                {
                    UpdateGcp2Register(gcp2, booking, session, record.EarnsCertificate);
                }

                // The learning record and reach by agency, saved with the register.
                await impact.RecordAsync(ImpactEventsFrom.Attendance(booking, session, record), cancellationToken);
            }

            audit.Record(actor.UserId, actor.Name, "training.register.marked", "session", session.Id.ToString(),
                $"{session.Course.Title}, {UkTime.Format(session.StartUtc)}: " + string.Join(", ",
                    marks.GroupBy(m => m.Outcome).Select(g => $"{g.Key} {g.Count()}")));
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Success(session.Id);
        }, cancellationToken);

        await notifications.PublishAllAsync(published, cancellationToken);
        return result;
    }

    /// <summary>Only full attendance licenses GCP2; correcting the register to anything else takes the entry out.</summary>
    private void UpdateGcp2Register(Dictionary<int, Gcp2RegisterEntry> entries, Booking booking, TrainingSession session, bool attended)
    {
        entries.TryGetValue(booking.Id, out var entry);
        if (attended && entry is null)
        {
            var trained = session.StartUtc;
            db.Gcp2Register.Add(new Gcp2RegisterEntry
            {
                UserId = booking.UserId,
                PractitionerName = booking.AttendeeName,
                AgencyId = booking.AgencyId,
                CourseId = session.CourseId,
                SessionId = session.Id,
                BookingId = booking.Id,
                TrainedOnUtc = trained,
                RefresherDueUtc = trained.AddMonths(options.CurrentValue.Gcp2RefresherMonths),
            });
        }
        else if (!attended && entry is not null)
        {
            db.Gcp2Register.Remove(entry);
        }
    }
}
