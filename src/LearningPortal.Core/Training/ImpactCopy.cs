using LearningPortal.Core.Data;
using LearningPortal.Core.Impact;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Training;

/// <summary>
/// Tells Impact how a session's bookings stand, inside the session lock's transaction (<see cref="SessionLocks"/>): the
/// one place every booking, cancellation, place from the waiting list, approval decision, session change and register
/// mark passes through, so none of them can be missed and none is copied unless it commits.
/// </summary>
internal static class ImpactCopy
{
    public static async Task SessionAsync(PortalDbContext db, TrainingSession session, CancellationToken cancellationToken)
    {
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.SessionId == session.Id)
            .Select(b => new { b.Id, b.UserId, b.AgencyId, b.Status, Outcome = b.Attendance == null ? (AttendanceOutcome?)null : b.Attendance.Outcome })
            .ToListAsync(cancellationToken);
        var change = ImpactEventsFrom.Session(session.Id, session.CourseId, session.Course.Title, session.Course.LicensesGcp2, session.StartUtc,
            [.. bookings.Select(b => ImpactEventsFrom.Place(b.Id, b.UserId, b.AgencyId, b.Status, session.IsCancelled, b.Outcome))]);

        // The feed is stateless beyond the context; this runs in a singleton's method with the caller's context.
        await new ImpactFeed(db).RecordAsync(change, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
