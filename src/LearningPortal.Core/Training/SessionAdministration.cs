using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using LearningPortal.Core.Email;
using LearningPortal.Core.Notifications;
using LearningPortal.Core.Search;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Training;

/// <summary>A session's details as an editor enters them (times already converted from UK time to UTC).</summary>
public sealed record SessionDetails(
    DateTime StartUtc,
    DateTime EndUtc,
    SessionFormat Format,
    string? Venue,
    string? JoiningLink,
    int Capacity,
    DateTime BookingOpensUtc,
    DateTime BookingClosesUtc,
    string Trainer,
    int? AgencyPlaceLimit,
    bool RequiresManagerApproval);

/// <summary>
/// Puts sessions on the programme, changes and cancels them. Changes run under the session's lock so a
/// capacity cut is checked against the exact number booked; booked people get an updated (or cancelled)
/// calendar invitation, and extra places go to the waiting list at once.
/// </summary>
public class SessionAdministration(
    PortalDbContext db,
    SessionLocks locks,
    PlaceAllocation places,
    TrainingEmails emails,
    AuditLog audit,
    NotificationPublisher notifications,
    SearchJournal searchJournal,
    TimeProvider clock)
{
    public async Task<Outcome<int>> CreateAsync(int courseId, SessionDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        if (Validate(details) is { } invalid)
        {
            return invalid;
        }

        var course = await db.Courses.SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken);
        if (course is null)
        {
            return TrainingOutcome.Refused<int>(TrainingRefusal.NotFound, "This course does not exist");
        }

        var session = new TrainingSession { CourseId = courseId, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        Apply(session, details);
        db.TrainingSessions.Add(session);

        // The audit line and the search journal entry need the new id; one transaction keeps them with the session.
        await using (var transaction = await db.BeginWriteTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(actor.UserId, actor.Name, "training.session.created", "session", session.Id.ToString(), $"{course.Title}, {UkTime.Format(session.StartUtc)}");
            TrainingSearchSource.SessionChanged(searchJournal, session.Id);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await notifications.PublishAsync(new SessionPublished(session.Id, courseId, session.StartUtc), cancellationToken);
        return Outcome.Success(session.Id);
    }

    /// <summary>
    /// Changes a session. <paramref name="expectedVersion"/> is the version the editor's form was loaded
    /// with: if someone else changed the session since, the change is refused rather than overwriting theirs.
    /// </summary>
    public async Task<Outcome<int>> UpdateAsync(int sessionId, int expectedVersion, SessionDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        if (Validate(details) is { } invalid)
        {
            return invalid;
        }

        var published = new List<ITrainingNotification>();
        var result = await locks.RunAsync(db, sessionId, async session =>
        {
            if (session is null)
            {
                return TrainingOutcome.Refused<int>(TrainingRefusal.NotFound, "This session does not exist");
            }

            if (session.IsCancelled)
            {
                return TrainingOutcome.Refused<int>(TrainingRefusal.SessionCancelled, "This session has been cancelled and cannot be changed");
            }

            if (session.Version != expectedVersion)
            {
                return TrainingOutcome.Refused<int>(TrainingRefusal.ChangedBySomeoneElse,
                    "Someone else changed this session while you were editing it. Check its details and make your change again");
            }

            if (details.Capacity < session.PlacesTaken)
            {
                return TrainingOutcome.Refused<int>(TrainingRefusal.CapacityBelowBooked,
                    $"Capacity must be at least {session.PlacesTaken}, the number of places already booked");
            }

            var timeOrPlaceChanged = session.StartUtc != details.StartUtc || session.EndUtc != details.EndUtc || session.Format != details.Format
                || session.Venue != Clean(details.Venue) || session.JoiningLink != Clean(details.JoiningLink);
            var startMoved = session.StartUtc != details.StartUtc;
            Apply(session, details);
            session.Version++;
            var now = clock.GetUtcNow().UtcDateTime;

            if (timeOrPlaceChanged)
            {
                var active = await db.Bookings.Where(b => b.SessionId == sessionId
                    && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.PendingApproval || b.Status == BookingStatus.Waitlisted))
                    .ToListAsync(cancellationToken);
                foreach (var booking in active)
                {
                    if (booking.Status == BookingStatus.Confirmed)
                    {
                        booking.CalendarSequence++;
                    }

                    if (startMoved)
                    {
                        // The reminder is due again, counted from the new date.
                        booking.ReminderSentUtc = null;
                    }

                    emails.SessionChanged(booking, session);
                }
            }

            var promoted = await places.PromoteAsync(session, now, cancellationToken);
            published.AddRange(promoted.Where(b => b.Status == BookingStatus.Confirmed).Select(b => new PlaceConfirmed(b.Id, session.Id, b.UserId)));
            published.Add(new SessionChanged(session.Id, session.CourseId, timeOrPlaceChanged));
            audit.Record(actor.UserId, actor.Name, "training.session.changed", "session", session.Id.ToString(),
                $"{session.Course.Title}, {UkTime.Format(session.StartUtc)}, capacity {session.Capacity}{(timeOrPlaceChanged ? "; time or place changed" : "")}");
            TrainingSearchSource.SessionChanged(searchJournal, session.Id);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Success(session.Id);
        }, cancellationToken);

        await notifications.PublishAllAsync(published, cancellationToken);
        return result;
    }

    /// <summary>Cancels a session: everyone booked or waiting is emailed, and booked people's invitations are cancelled.</summary>
    public async Task<Outcome<int>> CancelAsync(int sessionId, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        var result = await locks.RunAsync(db, sessionId, async session =>
        {
            if (session is null)
            {
                return TrainingOutcome.Refused<int>(TrainingRefusal.NotFound, "This session does not exist");
            }

            if (session.IsCancelled)
            {
                return TrainingOutcome.Refused<int>(TrainingRefusal.SessionCancelled, "This session has already been cancelled");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            session.IsCancelled = true;
            session.CancelledUtc = now;
            session.CancellationReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
            session.Version++;
            var active = await db.Bookings.Where(b => b.SessionId == sessionId
                && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.PendingApproval || b.Status == BookingStatus.Waitlisted))
                .ToListAsync(cancellationToken);
            foreach (var booking in active)
            {
                await places.WithdrawApprovalsAsync(booking.Id, now, cancellationToken);
                if (booking.Status == BookingStatus.Confirmed)
                {
                    booking.CalendarSequence++;
                }

                emails.SessionCancelled(booking, session);
            }

            audit.Record(actor.UserId, actor.Name, "training.session.cancelled", "session", session.Id.ToString(),
                $"{session.Course.Title}, {UkTime.Format(session.StartUtc)}; {active.Count} people told");
            TrainingSearchSource.SessionChanged(searchJournal, session.Id);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Success(session.Id);
        }, cancellationToken);

        if (result.Succeeded)
        {
            var courseId = await db.TrainingSessions.Where(s => s.Id == sessionId).Select(s => s.CourseId).SingleAsync(cancellationToken);
            await notifications.PublishAsync(new SessionCancelled(sessionId, courseId), cancellationToken);
        }

        return result;
    }

    private static Outcome<int>? Validate(SessionDetails d)
    {
        if (d.EndUtc <= d.StartUtc)
        {
            return TrainingOutcome.Refused<int>(TrainingRefusal.InvalidDetails, "The end time must be after the start time");
        }

        if (d.Capacity < 1)
        {
            return TrainingOutcome.Refused<int>(TrainingRefusal.InvalidDetails, "Capacity must be 1 or more");
        }

        if (d.BookingClosesUtc <= d.BookingOpensUtc)
        {
            return TrainingOutcome.Refused<int>(TrainingRefusal.InvalidDetails, "Booking must close after it opens");
        }

        if (d.BookingClosesUtc > d.StartUtc)
        {
            return TrainingOutcome.Refused<int>(TrainingRefusal.InvalidDetails, "Booking must close before the session starts");
        }

        if (d.Format == SessionFormat.InPerson && string.IsNullOrWhiteSpace(d.Venue))
        {
            return TrainingOutcome.Refused<int>(TrainingRefusal.InvalidDetails, "Enter the venue");
        }

        if (d.Format == SessionFormat.Online && string.IsNullOrWhiteSpace(d.JoiningLink))
        {
            return TrainingOutcome.Refused<int>(TrainingRefusal.InvalidDetails, "Enter the joining link");
        }

        // Enforced here, not only on the page: the link is sent to everyone booked, and data:, javascript: or plain
        // http: links must never reach them whoever calls the service.
        if (!string.IsNullOrWhiteSpace(d.JoiningLink)
            && !(Uri.TryCreate(d.JoiningLink.Trim(), UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps))
        {
            return TrainingOutcome.Refused<int>(TrainingRefusal.InvalidDetails, "Enter the joining link, starting with https://");
        }

        return d.AgencyPlaceLimit is < 1
            ? TrainingOutcome.Refused<int>(TrainingRefusal.InvalidDetails, "The limit for each agency must be 1 or more")
            : null;
    }

    private static void Apply(TrainingSession session, SessionDetails d)
    {
        session.StartUtc = d.StartUtc;
        session.EndUtc = d.EndUtc;
        session.Format = d.Format;
        session.Venue = Clean(d.Venue);
        session.JoiningLink = Clean(d.JoiningLink);
        session.Capacity = d.Capacity;
        session.BookingOpensUtc = d.BookingOpensUtc;
        session.BookingClosesUtc = d.BookingClosesUtc;
        session.Trainer = d.Trainer.Trim();
        session.AgencyPlaceLimit = d.AgencyPlaceLimit;
        session.RequiresManagerApproval = d.RequiresManagerApproval;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
