using LearningPortal.Core.Data;
using LearningPortal.Core.Supervision;
using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Impact;

/// <summary>What a rebuild wrote.</summary>
public sealed record ImpactRebuildResult(int Attendances, int Discussions, int Bookings = 0, int FeedbackResponses = 0, int ReadCounts = 0);

/// <summary>
/// Rebuilds Impact's read models of other modules' data (training attendance and bookings, supervision discussions,
/// feedback ratings) from their
/// source tables in one transaction: after a restore, or for data from before Impact existed. The only place Impact
/// reads another module's tables. Reads, reflections and learning added by hand are Impact's own data and are kept;
/// the counts of reads (<see cref="BriefingReadCount"/>) are recounted from the reads.
/// Set-based: the copies are deleted in one statement each, the sources read a batch at a time in key order (a few
/// queries per thousand rows, not one a row) and the copies inserted a batch at a time, through the same mapping the
/// live feed uses (<see cref="ImpactFeed.Apply"/>, <see cref="ImpactFeed.Rows"/>), so memory stays flat on a large database.
/// </summary>
public partial class ImpactRebuild(PortalDbContext db, ImpactFeed feed)
{
    /// <summary>Source rows read and copies written per round trip (smaller in tests, to cross batch edges).</summary>
    public int BatchSize { get; set; } = 1000;

    public async Task<ImpactRebuildResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false; // only inserts of new objects: nothing to detect, and it is quadratic
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.LearningAttendances.ExecuteDeleteAsync(cancellationToken);
            await db.LearningDiscussions.ExecuteDeleteAsync(cancellationToken);
            var attendances = await CopyAttendancesAsync(cancellationToken);
            var discussions = await CopyDiscussionsAsync(cancellationToken);
            var bookings = await RebuildBookingsAsync(cancellationToken);
            var responses = await RebuildFeedbackAsync(cancellationToken);
            await SaveBatchAsync(cancellationToken);
            var readCounts = await ImpactReadCounts.RecountAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ImpactRebuildResult(attendances, discussions, bookings, responses, readCounts);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private async Task<int> CopyAttendancesAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        var after = 0;
        while (true)
        {
            var marks = await db.AttendanceRecords.AsNoTracking()
                .Where(a => a.Id > after).OrderBy(a => a.Id).Take(BatchSize)
                .Select(a => new
                {
                    a.Id, a.BookingId, a.Booking.UserId, a.Booking.AgencyId, a.Booking.Session.CourseId, CourseTitle = a.Booking.Session.Course.Title,
                    a.Booking.SessionId, a.Booking.Session.StartUtc, a.Booking.Session.EndUtc, a.Outcome,
                })
                .ToListAsync(cancellationToken);
            if (marks.Count == 0)
            {
                return count;
            }

            db.LearningAttendances.AddRange(marks.Select(m => ImpactFeed.Apply(new LearningAttendance(), new AttendanceMarked(
                m.BookingId, m.UserId, m.AgencyId, m.CourseId, m.CourseTitle, m.SessionId, m.StartUtc, m.EndUtc,
                ImpactEventsFrom.Result(m.Outcome), m.Outcome == AttendanceOutcome.Attended))));
            await SaveBatchAsync(cancellationToken);
            count += marks.Count;
            after = marks[^1].Id;
        }
    }

    private async Task<int> CopyDiscussionsAsync(CancellationToken cancellationToken)
    {
        var briefingOfSet = await db.QuestionSets.AsNoTracking().Where(s => s.DocumentId != null)
            .ToDictionaryAsync(s => s.Id, s => s.DocumentId, cancellationToken);
        var count = 0;
        var after = 0;
        while (true)
        {
            var records = await db.DiscussionRecords.AsNoTracking()
                .Where(r => r.State == RecordState.Final && r.Id > after).OrderBy(r => r.Id).Take(BatchSize)
                .Select(r => new
                {
                    r.Id, r.Kind, r.HeldOn, r.QuestionSetTitle, r.QuestionSetId, r.SupervisorId, r.SupervisorAgencyId,
                    Participants = r.Participants.Where(p => p.UserId != null).OrderBy(p => p.Id).Select(p => new { p.UserId, p.AgencyId, p.ConfidenceBefore, p.ConfidenceAfter }).ToList(),
                })
                .ToListAsync(cancellationToken);
            if (records.Count == 0)
            {
                return count;
            }

            foreach (var r in records)
            {
                var rows = ImpactFeed.Rows(new DiscussionFinalised(r.Id, ImpactEventsFrom.KindName(r.Kind), r.HeldOn, r.QuestionSetTitle,
                    r.QuestionSetId is { } set ? briefingOfSet.GetValueOrDefault(set) : null, r.SupervisorId, r.SupervisorAgencyId,
                    [.. r.Participants.Select(p => new DiscussionPerson(p.UserId!, p.AgencyId, p.ConfidenceBefore, p.ConfidenceAfter))])).ToList();
                db.LearningDiscussions.AddRange(rows);
                count += rows.Count;
            }

            await SaveBatchAsync(cancellationToken);
            after = records[^1].Id;
        }
    }

    /// <summary>Writes the batch (EF Core sends the inserts in batched commands) and lets go of it, so the tracker stays small.</summary>
    private async Task SaveBatchAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
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
