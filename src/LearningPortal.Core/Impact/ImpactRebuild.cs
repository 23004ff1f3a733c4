using LearningPortal.Core.Data;
using LearningPortal.Core.Supervision;
using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Impact;

/// <summary>What a rebuild wrote.</summary>
public sealed record ImpactRebuildResult(int Attendances, int Discussions, int Bookings = 0, int FeedbackResponses = 0);

/// <summary>
/// Rebuilds Impact's read models of other modules' data (training attendance, supervision discussions) from their
/// source tables in one transaction: after a restore, or for data from before Impact existed. The only place Impact
/// reads another module's tables. Reads, reflections and learning added by hand are Impact's own data and are kept.
/// </summary>
public partial class ImpactRebuild(PortalDbContext db, ImpactFeed feed)
{
    public async Task<ImpactRebuildResult> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LearningAttendances.ExecuteDeleteAsync(cancellationToken);
        await db.LearningDiscussions.ExecuteDeleteAsync(cancellationToken);

        var marks = await db.AttendanceRecords.AsNoTracking()
            .Select(a => new
            {
                a.BookingId, a.Booking.UserId, a.Booking.AgencyId, a.Booking.Session.CourseId, CourseTitle = a.Booking.Session.Course.Title,
                a.Booking.SessionId, a.Booking.Session.StartUtc, a.Booking.Session.EndUtc, a.Outcome,
            })
            .ToListAsync(cancellationToken);
        foreach (var m in marks)
        {
            await feed.RecordAsync(new AttendanceMarked(m.BookingId, m.UserId, m.AgencyId, m.CourseId, m.CourseTitle, m.SessionId, m.StartUtc, m.EndUtc,
                ImpactEventsFrom.Result(m.Outcome), m.Outcome == AttendanceOutcome.Attended), cancellationToken);
        }

        var records = await db.DiscussionRecords.AsNoTracking().Where(r => r.State == RecordState.Final)
            .Select(r => new
            {
                r.Id, r.Kind, r.HeldOn, r.QuestionSetTitle, r.QuestionSetId, r.SupervisorId, r.SupervisorAgencyId,
                Participants = r.Participants.Where(p => p.UserId != null).Select(p => new { p.UserId, p.AgencyId, p.ConfidenceBefore, p.ConfidenceAfter }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var briefingOfSet = await db.QuestionSets.AsNoTracking().Where(s => s.DocumentId != null)
            .ToDictionaryAsync(s => s.Id, s => s.DocumentId, cancellationToken);
        var discussions = 0;
        foreach (var r in records)
        {
            var finalised = new DiscussionFinalised(r.Id, ImpactEventsFrom.KindName(r.Kind), r.HeldOn, r.QuestionSetTitle,
                r.QuestionSetId is { } set ? briefingOfSet.GetValueOrDefault(set) : null, r.SupervisorId, r.SupervisorAgencyId,
                [.. r.Participants.Select(p => new DiscussionPerson(p.UserId!, p.AgencyId, p.ConfidenceBefore, p.ConfidenceAfter))]);
            discussions += ImpactFeed.People(finalised).Count();
            await feed.RecordAsync(finalised, cancellationToken);
        }

        var (bookings, responses) = (await RebuildBookingsAsync(cancellationToken), await RebuildFeedbackAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImpactRebuildResult(marks.Count, discussions, bookings, responses);
    }
}

/// <summary>Turns the modules' own terms into Impact's, in one place for the modules' feeds and the rebuild.</summary>
public static partial class ImpactEventsFrom
{
    public static AttendanceResult Result(AttendanceOutcome outcome) => outcome switch
    {
        AttendanceOutcome.Attended => AttendanceResult.Attended,
        AttendanceOutcome.PartlyAttended => AttendanceResult.PartlyAttended,
        _ => AttendanceResult.DidNotAttend,
    };

    public static string KindName(DiscussionKind kind) => kind switch
    {
        DiscussionKind.OneToOne => "One-to-one supervision",
        DiscussionKind.Group => "Group supervision",
        _ => "Team meeting",
    };

    public static AttendanceMarked Attendance(Booking booking, TrainingSession session, AttendanceRecord record) =>
        new(booking.Id, booking.UserId, booking.AgencyId, session.CourseId, session.Course.Title, session.Id, session.StartUtc, session.EndUtc,
            Result(record.Outcome), record.EarnsCertificate);

    /// <summary>The finalised record as Impact keeps it; <paramref name="documentId"/> is the briefing of its question set, if any.</summary>
    public static DiscussionFinalised Discussion(DiscussionRecord record, int? documentId) =>
        new(record.Id, KindName(record.Kind), record.HeldOn, record.QuestionSetTitle, documentId, record.SupervisorId, record.SupervisorAgencyId,
            [.. record.Participants.Where(p => p.UserId != null).Select(p => new DiscussionPerson(p.UserId!, p.AgencyId, p.ConfidenceBefore, p.ConfidenceAfter))]);
}
