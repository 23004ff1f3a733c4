using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Impact;

/// <summary>
/// Applies the other modules' events to Impact's read models in the caller's unit of work: the module calls
/// <see cref="RecordAsync"/> before the <c>SaveChangesAsync</c> (or inside the transaction) that saves its change, as
/// with the search journal, so the read model commits or rolls back with it. Applying at once (rather than queuing the
/// event for a background applier) keeps the learning record current the moment the change is saved.
/// </summary>
public partial class ImpactFeed(PortalDbContext db)
{
    public async Task RecordAsync(IImpactEvent change, CancellationToken cancellationToken = default)
    {
        switch (change)
        {
            case AttendanceMarked a:
                var row = db.LearningAttendances.Local.FirstOrDefault(x => x.BookingId == a.BookingId)
                    ?? await db.LearningAttendances.FirstOrDefaultAsync(x => x.BookingId == a.BookingId, cancellationToken);
                if (row is null)
                {
                    row = new LearningAttendance { BookingId = a.BookingId };
                    db.LearningAttendances.Add(row);
                }

                Apply(row, a);
                break;

            case DiscussionFinalised d:
                // A record is finalised once; anything already there (a rebuild ran first) is replaced.
                var existing = await db.LearningDiscussions.Where(x => x.RecordId == d.RecordId).ToListAsync(cancellationToken);
                db.LearningDiscussions.RemoveRange(existing);
                db.LearningDiscussions.AddRange(Rows(d));
                break;

            case SessionBookings s:
                await SessionBookingsAsync(s, cancellationToken);
                break;

            case CourseChanged c:
                // Runs at once, in the caller's transaction (the course's save), like the rest of the feed.
                await db.ImpactBookings.Where(b => b.CourseId == c.CourseId)
                    .ExecuteUpdateAsync(u => u.SetProperty(b => b.CourseTitle, c.Title).SetProperty(b => b.LicensesGcp2, c.LicensesGcp2), cancellationToken);
                break;

            case FeedbackGiven f:
                FeedbackGiven(f);
                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name, "No read model takes this event");
        }
    }

    /// <summary>The attendance copy's fields from the event: one mapping for the live feed and the rebuild.</summary>
    internal static LearningAttendance Apply(LearningAttendance row, AttendanceMarked a)
    {
        row.BookingId = a.BookingId;
        row.UserId = a.UserId;
        row.AgencyId = a.AgencyId;
        row.CourseId = a.CourseId;
        row.CourseTitle = a.CourseTitle;
        row.SessionId = a.SessionId;
        row.StartUtc = a.StartUtc;
        row.EndUtc = a.EndUtc;
        row.Result = a.Result;
        row.HasCertificate = a.HasCertificate;
        return row;
    }

    /// <summary>A finalised discussion's copies, one a person (the supervisor first): one mapping for the live feed and the rebuild.</summary>
    internal static IEnumerable<LearningDiscussion> Rows(DiscussionFinalised d) =>
        People(d).Select(person => new LearningDiscussion
        {
            RecordId = d.RecordId,
            UserId = person.UserId,
            AgencyId = person.AgencyId,
            AsSupervisor = person.AsSupervisor,
            Kind = d.Kind,
            HeldOn = d.HeldOn,
            Title = d.Title,
            DocumentId = d.DocumentId,
            ConfidenceBefore = person.Person?.ConfidenceBefore,
            ConfidenceAfter = person.Person?.ConfidenceAfter,
        });

    internal static IEnumerable<(string UserId, int AgencyId, bool AsSupervisor, DiscussionPerson? Person)> People(DiscussionFinalised d)
    {
        if (d.SupervisorId is { } supervisor)
        {
            yield return (supervisor, d.SupervisorAgencyId, true, null);
        }

        foreach (var p in d.Participants.DistinctBy(p => p.UserId))
        {
            if (p.UserId != d.SupervisorId)
            {
                yield return (p.UserId, p.AgencyId, false, p);
            }
        }
    }
}
