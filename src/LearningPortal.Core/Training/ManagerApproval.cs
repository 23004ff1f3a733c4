using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using LearningPortal.Core.Email;
using LearningPortal.Core.Notifications;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Training;

/// <summary>What a line manager sees on the approval page.</summary>
public sealed record ApprovalView(
    string ManagerName,
    string AttendeeName,
    string JobRole,
    string AgencyName,
    string CourseTitle,
    string When,
    string Where,
    DateTime ExpiresUtc,
    ApprovalOutcome Outcome,
    bool SessionCancelled);

/// <summary>
/// Line-manager approval of bookings on sessions that need it. The manager answers through a link with a
/// random token (only its hash is stored); a decline or an expired request frees the place for the next
/// person on the waiting list, in the same transaction.
/// </summary>
public class ManagerApproval(
    PortalDbContext db,
    SessionLocks locks,
    PlaceAllocation places,
    TrainingEmails emails,
    AuditLog audit,
    NotificationPublisher notifications,
    TimeProvider clock)
{
    /// <summary>The request behind a token, or null if the token is unknown.</summary>
    public async Task<ApprovalView?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = PlaceAllocation.HashToken(token);
        var request = await db.ApprovalRequests.AsNoTracking()
            .Include(a => a.Booking).ThenInclude(b => b.Session).ThenInclude(s => s.Course)
            .Include(a => a.Booking).ThenInclude(b => b.Agency)
            .SingleOrDefaultAsync(a => a.TokenHash == hash, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var session = request.Booking.Session;
        var outcome = request.Outcome == ApprovalOutcome.Pending && clock.GetUtcNow().UtcDateTime >= request.ExpiresUtc
            ? ApprovalOutcome.Expired
            : request.Outcome;
        return new ApprovalView(request.ManagerName, request.Booking.AttendeeName, request.Booking.JobRole, request.Booking.Agency?.Name ?? "",
            session.Course.Title, SessionTimes.Describe(session), session.Where, request.ExpiresUtc, outcome, session.IsCancelled);
    }

    /// <summary>
    /// Approves or declines the booking behind the token. <paramref name="deciderUserId"/> is the account signed in
    /// where the link was followed, if any: nobody may decide on their own booking.
    /// </summary>
    public async Task<Outcome<int>> DecideAsync(string token, bool approve, string? reason, string? deciderUserId = null, CancellationToken cancellationToken = default)
    {
        var hash = PlaceAllocation.HashToken(token);
        var sessionId = await db.ApprovalRequests.Where(a => a.TokenHash == hash).Select(a => (int?)a.Booking.SessionId).SingleOrDefaultAsync(cancellationToken);
        if (sessionId is null)
        {
            return TrainingOutcome.Refused<int>(TrainingRefusal.NotFound, "This approval link is not valid");
        }

        var published = new List<ITrainingNotification>();
        var result = await locks.RunAsync(db, sessionId.Value, async session =>
        {
            var request = await db.ApprovalRequests.Include(a => a.Booking).SingleAsync(a => a.TokenHash == hash, cancellationToken);
            var booking = request.Booking;
            var now = clock.GetUtcNow().UtcDateTime;
            if (deciderUserId is not null && deciderUserId == booking.UserId)
            {
                return TrainingOutcome.Refused<int>(TrainingRefusal.LineManagerIsSelf, "You cannot approve or decline your own booking. Your line manager must use the link we emailed them");
            }

            if (request.Outcome != ApprovalOutcome.Pending)
            {
                return TrainingOutcome.Refused<int>(TrainingRefusal.AlreadyEnded, request.Outcome switch
                {
                    ApprovalOutcome.Approved => "You have already approved this booking",
                    ApprovalOutcome.Declined => "You have already declined this booking",
                    ApprovalOutcome.Expired => "This request has expired and the place has gone to someone else",
                    _ => "This booking has been cancelled, so there is nothing to decide",
                });
            }

            if (now >= request.ExpiresUtc)
            {
                published.AddRange(await ExpireAsync(request, session!, now, cancellationToken));
                await db.SaveChangesAsync(cancellationToken);
                return TrainingOutcome.Refused<int>(TrainingRefusal.AlreadyEnded, "This request has expired and the place has gone to someone else");
            }

            request.DecidedUtc = now;
            if (approve)
            {
                request.Outcome = ApprovalOutcome.Approved;
                places.Confirm(booking, session!, now, fromWaitingList: false);
                published.Add(new PlaceConfirmed(booking.Id, session!.Id, booking.UserId));
            }
            else
            {
                request.Outcome = ApprovalOutcome.Declined;
                request.DeclineReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
                booking.Status = BookingStatus.Declined;
                session!.PlacesTaken--;
                emails.ApprovalDeclined(booking, session, request.DeclineReason);
                var promoted = await places.PromoteAsync(session, now, cancellationToken);
                published.AddRange(promoted.Where(b => b.Status == BookingStatus.Confirmed).Select(b => new PlaceConfirmed(b.Id, session.Id, b.UserId)));
            }

            audit.Record(null, request.ManagerName + " (line manager)", approve ? "training.approval.approved" : "training.approval.declined",
                "booking", booking.Id.ToString(), $"{session.Course.Title}, {UkTime.Format(session.StartUtc)}");
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Success(booking.Id);
        }, cancellationToken);

        await notifications.PublishAllAsync(published, cancellationToken);
        return result;
    }

    /// <summary>The scheduled sweep: expires every pending request past its time and frees its place. Returns how many expired.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.ApprovalRequests.AsNoTracking()
            .Where(a => a.Outcome == ApprovalOutcome.Pending && a.ExpiresUtc <= now)
            .Select(a => new { a.Id, a.Booking.SessionId })
            .ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var item in due)
        {
            var published = new List<ITrainingNotification>();
            expired += await locks.RunAsync(db, item.SessionId, async session =>
            {
                // Looked at again under the lock: the manager may have answered in the meantime.
                var request = await db.ApprovalRequests.Include(a => a.Booking)
                    .SingleOrDefaultAsync(a => a.Id == item.Id && a.Outcome == ApprovalOutcome.Pending, cancellationToken);
                if (request is null || session is null)
                {
                    return 0;
                }

                published.AddRange(await ExpireAsync(request, session, clock.GetUtcNow().UtcDateTime, cancellationToken));
                await db.SaveChangesAsync(cancellationToken);
                return 1;
            }, cancellationToken);
            await notifications.PublishAllAsync(published, cancellationToken);
        }

        return expired;
    }

    private async Task<IEnumerable<ITrainingNotification>> ExpireAsync(ApprovalRequest request, TrainingSession session, DateTime now, CancellationToken cancellationToken)
    {
        request.Outcome = ApprovalOutcome.Expired;
        request.DecidedUtc = now;
        var booking = request.Booking;
        if (booking.Status != BookingStatus.PendingApproval)
        {
            return [];
        }

        booking.Status = BookingStatus.Expired;
        session.PlacesTaken--;
        emails.ApprovalExpired(booking, session);
        audit.Record(null, "System", "training.approval.expired", "booking", booking.Id.ToString(), $"{session.Course.Title}, {UkTime.Format(session.StartUtc)}");
        var promoted = await places.PromoteAsync(session, now, cancellationToken);
        return promoted.Where(b => b.Status == BookingStatus.Confirmed).Select(b => new PlaceConfirmed(b.Id, session.Id, b.UserId)).ToList();
    }
}
