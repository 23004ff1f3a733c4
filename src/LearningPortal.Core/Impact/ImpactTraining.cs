using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Data;
using LearningPortal.Core.Reporting;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Impact;

/// <summary>One agency's (or all agencies') places on the linked courses' sessions in the period.</summary>
public sealed record TrainingRow(string Label, SuppressedCount Booked, SuppressedCount Attended, SuppressedCount NoShows);

/// <summary>One agency's (or all agencies') GCP2-trained practitioners against the target Editors set.</summary>
public sealed record Gcp2Row(string Label, SuppressedCount Trained, int? Target)
{
    /// <summary>Trained as a share of the target, only when both are known and the trained figure is shown.</summary>
    public double? Share => Trained.Value is { } t && Target is > 0 and { } target ? (double)t / target : null;
}

/// <summary>
/// The Training section: the linked courses (titles as Impact last copied them; a linked course with no bookings yet
/// has none), places booked, attended and no-shows by agency, and GCP2-trained practitioners by agency against their
/// targets when a linked course licenses GCP2. Every count already suppressed.
/// </summary>
public sealed record TrainingFigures(
    IReadOnlyList<string> Courses, int LinkedCourses, IReadOnlyList<TrainingRow> ByAgency, TrainingRow Total,
    bool HasGcp2Course, IReadOnlyList<Gcp2Row> Gcp2ByAgency, Gcp2Row Gcp2Total);

/// <summary>
/// Training figures for the impact pages from Impact's own copies of the bookings (<see cref="ImpactBooking"/>) and
/// ActionPlans' objective links: a briefing's courses are those linked to any objective the briefing is linked to; an
/// objective's are those linked to it. A booking counts in the period its session starts in and for the agency on the
/// booking. Booked: holding a place on a session that went ahead; attended: marked as attending in full or in part;
/// no-show: marked as not attending. GCP2-trained: people who attended in full a session of any course that licenses
/// GCP2 starting before the end of the period (the licence is the same whichever course gave it), each once, in the
/// agency of their latest such booking. Each column goes through <see cref="SmallNumbers.Cells"/> with its total.
/// </summary>
public class ImpactTraining(PortalDbContext db, SmallNumbers smallNumbers)
{
    /// <summary>The courses linked to the objectives a briefing is linked to.</summary>
    public async Task<IReadOnlyList<int>> CoursesOfBriefingAsync(int documentId, CancellationToken cancellationToken = default)
    {
        var objectives = db.ObjectiveLinks.Where(l => l.Kind == ObjectiveLinkKind.Briefing && l.TargetId == documentId).Select(l => l.ObjectiveId);
        return await db.ObjectiveLinks.AsNoTracking().Where(l => l.Kind == ObjectiveLinkKind.Course && objectives.Contains(l.ObjectiveId))
            .Select(l => l.TargetId).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>The courses linked to the objectives each briefing is linked to, in one query (none for a briefing with none).</summary>
    public async Task<ILookup<int, int>> CoursesOfBriefingsAsync(IReadOnlyCollection<int> documentIds, CancellationToken cancellationToken = default)
    {
        var ids = documentIds.Distinct().ToList();
        var pairs = await (from briefing in db.ObjectiveLinks.AsNoTracking()
                           join course in db.ObjectiveLinks.AsNoTracking() on briefing.ObjectiveId equals course.ObjectiveId
                           where briefing.Kind == ObjectiveLinkKind.Briefing && ids.Contains(briefing.TargetId) && course.Kind == ObjectiveLinkKind.Course
                           select new { DocumentId = briefing.TargetId, CourseId = course.TargetId }).Distinct().ToListAsync(cancellationToken);
        return pairs.ToLookup(p => p.DocumentId, p => p.CourseId);
    }

    /// <summary>The courses linked to an objective.</summary>
    public async Task<IReadOnlyList<int>> CoursesOfObjectiveAsync(Guid objectiveId, CancellationToken cancellationToken = default) =>
        await db.ObjectiveLinks.AsNoTracking().Where(l => l.Kind == ObjectiveLinkKind.Course && l.ObjectiveId == objectiveId)
            .Select(l => l.TargetId).Distinct().ToListAsync(cancellationToken);

    public async Task<TrainingFigures> TrainingAsync(IReadOnlyCollection<int> courseIds, ReachFilter filter, CancellationToken cancellationToken = default)
    {
        var ids = courseIds.Distinct().ToList();
        var courses = await db.ImpactBookings.AsNoTracking().Where(b => ids.Contains(b.CourseId))
            .GroupBy(b => b.CourseId).Select(g => new { g.Key, Title = g.Max(b => b.CourseTitle)!, Gcp2 = g.Max(b => b.LicensesGcp2 ? 1 : 0) })
            .ToListAsync(cancellationToken);
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var places = db.ImpactBookings.AsNoTracking().Where(b => ids.Contains(b.CourseId) && b.HoldsPlace && b.StartUtc >= start && b.StartUtc < end);
        if (filter.AgencyId is { } agency)
        {
            places = places.Where(b => b.AgencyId == agency);
        }

        var rows = await places.Select(b => new { b.AgencyId, b.Attendance }).ToListAsync(cancellationToken);
        var hasGcp2 = courses.Any(c => c.Gcp2 == 1);
        var trained = hasGcp2
            ? (await db.ImpactBookings.AsNoTracking().Where(b => b.LicensesGcp2 && b.HoldsPlace && b.Attendance == AttendanceResult.Attended && b.StartUtc < end)
                .Select(b => new { b.UserId, b.AgencyId, b.StartUtc }).ToListAsync(cancellationToken))
                .GroupBy(b => b.UserId).Select(g => g.MaxBy(b => b.StartUtc)!.AgencyId)
                .Where(a => filter.AgencyId is null || a == filter.AgencyId).ToList()
            : [];

        var agencies = await ImpactAgencies.ListAsync(db, filter.AgencyId, [.. rows.Select(r => r.AgencyId), .. trained], cancellationToken);
        bool Came(AttendanceResult? r) => r is AttendanceResult.Attended or AttendanceResult.PartlyAttended;
        var booked = smallNumbers.Cells([.. agencies.Select(a => rows.Count(r => r.AgencyId == a.Id))]);
        var attended = smallNumbers.Cells([.. agencies.Select(a => rows.Count(r => r.AgencyId == a.Id && Came(r.Attendance)))]);
        var noShows = smallNumbers.Cells([.. agencies.Select(a => rows.Count(r => r.AgencyId == a.Id && r.Attendance == AttendanceResult.DidNotAttend))]);
        var byAgency = agencies.Select((a, i) => new TrainingRow(a.Name, booked[i], attended[i], noShows[i])).ToList();
        var total = new TrainingRow("All agencies", Count(rows.Count), Count(rows.Count(r => Came(r.Attendance))), Count(rows.Count(r => r.Attendance == AttendanceResult.DidNotAttend)));

        var targets = await db.Gcp2Targets.AsNoTracking().ToDictionaryAsync(t => t.AgencyId, t => t.Target, cancellationToken);
        var trainedCells = smallNumbers.Cells([.. agencies.Select(a => trained.Count(t => t == a.Id))]);
        var gcp2 = agencies.Select((a, i) => new Gcp2Row(a.Name, trainedCells[i], targets.TryGetValue(a.Id, out var t) ? t : null)).ToList();
        var shownTargets = agencies.Where(a => targets.ContainsKey(a.Id)).Select(a => targets[a.Id]).ToList();
        var gcp2Total = new Gcp2Row("All agencies", Count(trained.Count), shownTargets.Count == 0 ? null : shownTargets.Sum());
        return new TrainingFigures([.. courses.Select(c => c.Title).Order(StringComparer.CurrentCulture)], ids.Count, byAgency, total, hasGcp2, gcp2, gcp2Total);
    }

    private SuppressedCount Count(int count) => count == 0 ? new SuppressedCount(0, smallNumbers.Threshold) : smallNumbers.Count(count);
}

/// <summary>The agencies a by-agency table lists: every active one (or the one chosen), and any other with figures, so the parts add up to the total.</summary>
internal static class ImpactAgencies
{
    public static async Task<List<(int Id, string Name)>> ListAsync(PortalDbContext db, int? chosen, IReadOnlyCollection<int> withFigures, CancellationToken cancellationToken)
    {
        var agencies = (await db.Agencies.AsNoTracking()
            .Where(a => chosen == null ? a.IsActive : a.Id == chosen)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            .Select(a => (a.Id, a.Name)).ToList();
        var missing = withFigures.Distinct().Where(id => agencies.All(a => a.Id != id)).ToList();
        if (missing.Count > 0)
        {
            agencies.AddRange((await db.Agencies.AsNoTracking().Where(a => missing.Contains(a.Id)).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name })
                .ToListAsync(cancellationToken)).Select(a => (a.Id, a.Name)));
        }

        return agencies;
    }
}
