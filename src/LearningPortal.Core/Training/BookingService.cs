using LearningPortal.Core.Accounts;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using LearningPortal.Core.Notifications;
using LearningPortal.Core.Email;
using LearningPortal.Core.Time;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Training;

/// <summary>
/// Books and cancels places. Every change to a session's places runs under the session's lock
/// (<see cref="SessionLocks"/>), so capacity is never exceeded, a double click books once and the waiting
/// list is served strictly in arrival order. Expected refusals come back as results with a message.
/// </summary>
public class BookingService(
    PortalDbContext db,
    LineManagers lineManagers,
    SessionLocks locks,
    PlaceAllocation places,
    TrainingEmails emails,
    AuditLog audit,
    NotificationPublisher notifications,
    IOptionsMonitor<TrainingOptions> options,
    TimeProvider clock)
{
    /// <summary>Books a place, or a place on the waiting list when the session is full.</summary>
    public async Task<Outcome<BookedPlace>> BookAsync(BookingRequest request, CancellationToken cancellationToken = default)
    {
        var published = new List<ITrainingNotification>();
        var reservedId = await BookingIds.ReserveAsync(db, cancellationToken);
        // The time the request arrived: the booking's requested time, and what the session's booking window is checked at.
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await locks.RunAsync(db, request.SessionId, Facts(request.UserId, now), async (session, facts) =>
        {
            if (session is null || facts is null)
            {
                return TrainingOutcome.Refused<BookedPlace>(TrainingRefusal.NotFound, "This session does not exist");
            }

            var existing = facts.ExistingId is { } existingId ? await db.Bookings.SingleAsync(b => b.Id == existingId, cancellationToken) : null;
            if (existing is { IsActive: true })
            {
                // A second click, or a second tab: the first booking stands and nothing changes.
                return await DescribeAsync(existing, BookingOutcome.AlreadyBooked, cancellationToken);
            }

            var refusal = await CheckAsync(session, request, now, facts, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            var email = facts.Email;
            if (email is null)
            {
                return TrainingOutcome.Refused<BookedPlace>(TrainingRefusal.NotFound, "Your account could not be found");
            }

            if (session.RequiresManagerApproval)
            {
                // The manager named on the booking becomes (or stays) the line manager in the person's profile.
                await lineManagers.ChangeAsync(request.UserId, request.AttendeeName.Trim(), request.LineManagerName!, request.LineManagerEmail!, cancellationToken);
            }

            var booking = existing ?? new Booking
            {
                Id = reservedId ?? await BookingIds.NextUnderLockAsync(db, cancellationToken),
                SessionId = session.Id,
                UserId = request.UserId,
            };
            booking.Status = BookingStatus.Waitlisted;
            booking.QueueNumber = session.NextQueueNumber++;
            booking.AttendeeName = request.AttendeeName.Trim();
            booking.AttendeeEmail = email;
            booking.AgencyId = request.AgencyId;
            booking.JobRole = request.JobRole.Trim();
            booking.AccessNeeds = Clean(request.AccessNeeds);
            booking.DietaryNeeds = Clean(request.DietaryNeeds);
            booking.LineManagerName = Clean(request.LineManagerName);
            booking.LineManagerEmail = Clean(request.LineManagerEmail);
            booking.RequestedUtc = now;
            booking.PlaceGivenUtc = null;
            booking.ConfirmedUtc = null;
            booking.CancelledUtc = null;
            booking.CancelledLate = false;
            booking.CancelledByUserId = null;
            booking.ReminderSentUtc = null;

            // A new booking (even by someone who cancelled before) is a new calendar event.
            booking.CalendarUid = Guid.NewGuid();
            booking.CalendarSequence = 0;
            if (existing is null)
            {
                db.Bookings.Add(booking);
            }

            int? position = null;
            if (session.PlacesTaken < session.Capacity)
            {
                places.GivePlace(booking, session, now, fromWaitingList: false);
            }
            else
            {
                // Everyone waiting arrived before this booking (its arrival number is the session's next), so its place in
                // the queue is one after them: counted with the facts, before the insert, not by another query after it.
                position = facts.Waiting + 1;
                emails.Waitlisted(booking, session, position.Value);
            }

            audit.Record(request.UserId, booking.AttendeeName, "training.booking.created", "booking", booking.Id.ToString(),
                $"{session.Course.Title}, {UkTime.Format(session.StartUtc)}: {booking.Status} (arrival {booking.QueueNumber})");
            // Saved by the lock with its commit (SessionLocks), in one round trip on PostgreSQL.
            if (booking.Status == BookingStatus.Confirmed)
            {
                published.Add(new PlaceConfirmed(booking.Id, session.Id, booking.UserId));
            }

            var outcome = booking.Status switch
            {
                BookingStatus.Confirmed => BookingOutcome.Confirmed,
                BookingStatus.PendingApproval => BookingOutcome.AwaitingApproval,
                _ => BookingOutcome.Waitlisted,
            };
            return Outcome.Success(new BookedPlace(outcome, booking.Id, booking.Status, position));
        }, cancellationToken, lockCourse: true);

        await AfterCommitAsync(published, cancellationToken);
        return result;
    }

    /// <summary>
    /// Cancels a booking or leaves the waiting list. The person may cancel a place until the cut-off before
    /// the session; partnership staff (<paramref name="asStaff"/>) may cancel any booking until the session
    /// ends, and a place they cancel after the cut-off is marked late. A freed place goes to the first
    /// person on the waiting list in the same transaction.
    /// </summary>
    public async Task<Outcome<int>> CancelAsync(int bookingId, Actor actor, bool asStaff, CancellationToken cancellationToken = default)
    {
        var sessionId = await db.Bookings.Where(b => b.Id == bookingId).Select(b => (int?)b.SessionId).SingleOrDefaultAsync(cancellationToken);
        if (sessionId is null)
        {
            return TrainingOutcome.Refused<int>(TrainingRefusal.NotFound, "This booking does not exist");
        }

        var published = new List<ITrainingNotification>();
        var result = await locks.RunAsync(db, sessionId.Value, async session =>
        {
            var booking = await db.Bookings.SingleAsync(b => b.Id == bookingId, cancellationToken);
            if (session is null || (!asStaff && booking.UserId != actor.UserId))
            {
                return TrainingOutcome.Refused<int>(TrainingRefusal.NotFound, "This booking does not exist");
            }

            if (!booking.IsActive)
            {
                return TrainingOutcome.Refused<int>(TrainingRefusal.AlreadyEnded, "This booking has already been cancelled or has ended");
            }

            if (session.IsCancelled)
            {
                return TrainingOutcome.Refused<int>(TrainingRefusal.SessionCancelled, "This session has been cancelled, so there is nothing to cancel");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (now >= (asStaff ? session.EndUtc : session.StartUtc))
            {
                return TrainingOutcome.Refused<int>(TrainingRefusal.SessionInPast, "This session has already started, so the booking cannot be cancelled");
            }

            var cutOff = session.StartUtc - options.CurrentValue.CancellationCutOff;
            var late = booking.HoldsPlace && now >= cutOff;
            if (late && !asStaff)
            {
                return TrainingOutcome.Refused<int>(TrainingRefusal.PastCancellationCutOff,
                    $"You can no longer cancel this place online because the cut-off was {UkTime.Format(cutOff)}. Email {options.CurrentValue.ContactEmail} to cancel");
            }

            var hadPlace = booking.HoldsPlace;
            var hadInvitation = booking.Status == BookingStatus.Confirmed;
            booking.Status = BookingStatus.Cancelled;
            booking.CancelledUtc = now;
            booking.CancelledLate = late;
            booking.CancelledByUserId = actor.UserId;
            if (hadInvitation)
            {
                booking.CalendarSequence++;
            }

            emails.BookingCancelled(booking, session, hadPlace, hadInvitation);
            audit.Record(actor.UserId, actor.Name, "training.booking.cancelled", "booking", booking.Id.ToString(),
                $"{session.Course.Title}, {UkTime.Format(session.StartUtc)}: {(hadPlace ? "place" : "waiting list")}{(late ? ", after the cut-off" : "")}");
            if (hadPlace)
            {
                session.PlacesTaken--;
                await places.WithdrawApprovalsAsync(booking.Id, now, cancellationToken);
                var promoted = await places.PromoteAsync(session, now, cancellationToken);
                published.AddRange(promoted.Where(b => b.Status == BookingStatus.Confirmed).Select(b => new PlaceConfirmed(b.Id, session.Id, b.UserId)));
            }

            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Success(booking.Id);
        }, cancellationToken);

        await AfterCommitAsync(published, cancellationToken);
        return result;
    }

    private async Task<Outcome<BookedPlace>?> CheckAsync(TrainingSession session, BookingRequest request, DateTime now, BookingFacts facts, CancellationToken cancellationToken)
    {
        if (session.IsCancelled)
        {
            return TrainingOutcome.Refused<BookedPlace>(TrainingRefusal.SessionCancelled, "This session has been cancelled");
        }

        if (now >= session.StartUtc)
        {
            return TrainingOutcome.Refused<BookedPlace>(TrainingRefusal.SessionInPast, "This session has already taken place");
        }

        if (now < session.BookingOpensUtc)
        {
            return TrainingOutcome.Refused<BookedPlace>(TrainingRefusal.NotYetOpen, $"Booking for this session opens on {UkTime.Format(session.BookingOpensUtc)}");
        }

        if (now > session.BookingClosesUtc)
        {
            return TrainingOutcome.Refused<BookedPlace>(TrainingRefusal.Closed, $"Booking for this session closed on {UkTime.Format(session.BookingClosesUtc)}");
        }

        if (session.Course.PrerequisiteCourseId is { } prerequisiteId)
        {
            var met = await db.AttendanceRecords.AnyAsync(
                a => a.Outcome == AttendanceOutcome.Attended && a.Booking.UserId == request.UserId && a.Booking.Session.CourseId == prerequisiteId,
                cancellationToken);
            if (!met)
            {
                var title = await db.Courses.Where(c => c.Id == prerequisiteId).Select(c => c.Title).SingleAsync(cancellationToken);
                return TrainingOutcome.Refused<BookedPlace>(TrainingRefusal.PrerequisiteNotMet, $"You need to attend {title} before you can book {session.Course.Title}");
            }
        }

        if (session.RequiresManagerApproval && (string.IsNullOrWhiteSpace(request.LineManagerName) || string.IsNullOrWhiteSpace(request.LineManagerEmail)))
        {
            return TrainingOutcome.Refused<BookedPlace>(TrainingRefusal.LineManagerRequired, "Enter your line manager's name and email address: this course needs their approval");
        }

        if (session.RequiresManagerApproval && await lineManagers.ProblemWithAsync(request.UserId, request.LineManagerEmail!, cancellationToken) is { } problem)
        {
            return TrainingOutcome.Refused<BookedPlace>(TrainingRefusal.LineManagerIsSelf, problem);
        }

        if (!session.Course.AllowsRepeatBookings && await RepeatRefusalAsync(session, facts, cancellationToken) is { } repeat)
        {
            return repeat;
        }

        if (session.AgencyPlaceLimit is { } limit)
        {
            var fromAgency = await db.Bookings.CountAsync(
                b => b.SessionId == session.Id && b.AgencyId == request.AgencyId
                    && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.PendingApproval || b.Status == BookingStatus.Waitlisted),
                cancellationToken);
            if (fromAgency >= limit)
            {
                var agency = await db.Agencies.Where(a => a.Id == request.AgencyId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken) ?? "Your agency";
                return TrainingOutcome.Refused<BookedPlace>(TrainingRefusal.AgencyLimitReached,
                    $"{agency} has reached its limit of {limit} {(limit == 1 ? "place" : "places")} on this session");
            }
        }

        return null;
    }

    /// <summary>
    /// One active booking per course per person, and none once trained, unless the course allows repeats. The
    /// message names the booking that stands in the way. On PostgreSQL a booking locks the course row too (after the
    /// session's, in the same statement: <see cref="SessionLocks"/>), so two tabs booking two sessions of a course cannot
    /// both win.
    /// </summary>
    private async Task<Outcome<BookedPlace>?> RepeatRefusalAsync(TrainingSession session, BookingFacts facts, CancellationToken cancellationToken)
    {
        if (facts.OtherId is { } otherId)
        {
            var other = await db.Bookings.Where(b => b.Id == otherId)
                .Select(b => new { b.Status, b.Session.StartUtc, b.Session.EndUtc }).SingleAsync(cancellationToken);
            var what = other.Status switch
            {
                BookingStatus.Waitlisted => "You are already on the waiting list for",
                BookingStatus.PendingApproval => "You already have a place waiting for your line manager's approval on",
                _ => "You already have a place on",
            };
            return TrainingOutcome.Refused<BookedPlace>(TrainingRefusal.AlreadyBookedOnCourse,
                $"{what} {session.Course.Title} on {SessionTimes.Describe(other.StartUtc, other.EndUtc)}. Cancel that booking in My training before you book another session");
        }

        return facts.AttendedStartUtc is { } on
            ? TrainingOutcome.Refused<BookedPlace>(TrainingRefusal.AlreadyTrained, $"You have already attended {session.Course.Title}, on {UkTime.FormatDate(on)}, so you cannot book it again")
            : null;
    }

    /// <summary>
    /// Everything a booking decision reads about the person and the session, read with the session under its lock
    /// (<see cref="SessionLocks"/>; each part a subquery of its own, so one query instead of six): their email, their
    /// booking on this session if any, their earliest other active booking on the course and their latest attendance of
    /// it (for the repeat rule), and how many are waiting (a new booking's place in the queue when the session is full).
    /// </summary>
    private Expression<Func<TrainingSession, BookingFacts>> Facts(string userId, DateTime now) => s => new BookingFacts(
        db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefault(),
        db.Bookings.Where(b => b.SessionId == s.Id && b.UserId == userId).Select(b => (int?)b.Id).FirstOrDefault(),
        db.Bookings
            .Where(b => b.UserId == userId && b.SessionId != s.Id && b.Session.CourseId == s.CourseId && !b.Session.IsCancelled
                && b.Session.EndUtc > now
                && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.PendingApproval || b.Status == BookingStatus.Waitlisted))
            .OrderBy(b => b.Session.StartUtc).ThenBy(b => b.Id)
            .Select(b => (int?)b.Id).FirstOrDefault(),
        db.AttendanceRecords
            .Where(a => a.Outcome == AttendanceOutcome.Attended && a.Booking.UserId == userId && a.Booking.Session.CourseId == s.CourseId)
            .OrderByDescending(a => a.Booking.Session.StartUtc)
            .Select(a => (DateTime?)a.Booking.Session.StartUtc).FirstOrDefault(),
        db.Bookings.Count(b => b.SessionId == s.Id && b.Status == BookingStatus.Waitlisted));

    /// <summary>What <see cref="Facts"/> reads.</summary>
    private sealed record BookingFacts(string? Email, int? ExistingId, int? OtherId, DateTime? AttendedStartUtc, int Waiting);

    private async Task<Outcome<BookedPlace>> DescribeAsync(Booking booking, BookingOutcome outcome, CancellationToken cancellationToken)
    {
        int? position = booking.Status == BookingStatus.Waitlisted ? await places.WaitlistPositionAsync(booking, cancellationToken) : null;
        return Outcome.Success(new BookedPlace(outcome, booking.Id, booking.Status, position));
    }

    private async Task AfterCommitAsync(List<ITrainingNotification> published, CancellationToken cancellationToken)
    {
        await notifications.PublishAllAsync(published, cancellationToken);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
