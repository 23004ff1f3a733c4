using System.Globalization;
using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Data;
using LearningPortal.Core.Reporting;
using LearningPortal.Core.Supervision;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Impact;

/// <summary>Supervision discussions of one kind or in one month (records, not people).</summary>
public sealed record DiscussionCount(string Label, SuppressedCount Discussions);

/// <summary>
/// Reflection on one or more briefings in a period: finalised supervision discussions that used their questions by
/// kind and by month, the actions those discussions agreed and how many are done, and participants' confidence
/// before and after. Every figure already suppressed; the averages only when enough people gave both answers.
/// </summary>
public sealed record ReflectionFigures(
    IReadOnlyList<DiscussionCount> ByKind,
    IReadOnlyList<DiscussionCount> ByMonth,
    SuppressedCount Discussions,
    SuppressedCount ActionsAgreed,
    SuppressedCount ActionsDone,
    SuppressedCount ConfidenceResponses,
    decimal? AverageBefore,
    decimal? AverageAfter)
{
    public decimal? AverageChange => AverageAfter - AverageBefore;
}

/// <summary>A plan's actions as they stand today (a count per standing) and the overdue ones; counts of the partnership's own work, not of people.</summary>
public sealed record ActionFigures(IReadOnlyList<(string Standing, int Count)> ByStanding, int Total, IReadOnlyList<OverdueAction> Overdue);

/// <summary>An overdue action: what, whose (an agency or group, never a person) and when it was due.</summary>
public sealed record OverdueAction(int Id, string Plan, int Number, string What, string Owner, DateOnly DueOn);

/// <summary>
/// The Reflection and Actions sections of the impact pages. Discussions come from Impact's own copies (which carry the
/// briefing whose questions were used); whether the actions they agreed are done is asked of Supervision's public
/// query (<see cref="SupervisionDashboard.ActionsAsync"/>), and plan actions of ActionPlans' (<see cref="ActionQueries.StandingAsync"/>).
/// </summary>
public class ImpactReflection(PortalDbContext db, SmallNumbers smallNumbers, SupervisionDashboard supervision, ActionQueries actions)
{
    /// <summary>The kinds of discussion, in the order Supervision offers them.</summary>
    public static readonly string[] Kinds = ["One-to-one supervision", "Group supervision", "Team meeting"];

    /// <summary>Reflection on the briefings <paramref name="documentIds"/> in the filter's period (and agency: a discussion counts for each agency of the people in it).</summary>
    public async Task<ReflectionFigures> ReflectionAsync(IReadOnlyCollection<int> documentIds, ReachFilter filter, CancellationToken cancellationToken = default)
    {
        var ids = documentIds.Distinct().ToList();
        var (first, last) = (filter.FirstDay, filter.LastDay);
        var copies = db.LearningDiscussions.AsNoTracking()
            .Where(d => d.DocumentId != null && ids.Contains(d.DocumentId.Value) && d.HeldOn >= first && d.HeldOn <= last);
        if (filter.AgencyId is { } agency)
        {
            copies = copies.Where(d => d.AgencyId == agency);
        }

        var rows = await copies.Select(d => new { d.RecordId, d.Kind, d.HeldOn, d.AsSupervisor, d.ConfidenceBefore, d.ConfidenceAfter }).ToListAsync(cancellationToken);
        var records = rows.DistinctBy(r => r.RecordId).ToList();

        var kinds = Kinds.Concat(records.Select(r => r.Kind).Distinct().Order()).Distinct().ToList();
        var kindCells = smallNumbers.Cells([.. kinds.Select(k => records.Count(r => r.Kind == k))]);
        var months = new List<DateOnly>();
        for (var m = first; m <= last; m = m.AddMonths(1))
        {
            months.Add(m);
        }

        var monthCells = smallNumbers.Cells([.. months.Select(m => records.Count(r => r.HeldOn.Year == m.Year && r.HeldOn.Month == m.Month))]);

        var (agreed, done) = await supervision.ActionsAsync([.. records.Select(r => r.RecordId)], cancellationToken);
        var answered = rows.Where(r => !r.AsSupervisor && r.ConfidenceBefore is not null && r.ConfidenceAfter is not null).ToList();
        var responses = Count(answered.Count);
        return new ReflectionFigures(
            [.. kinds.Select((k, i) => new DiscussionCount(k, kindCells[i]))],
            [.. months.Select((m, i) => new DiscussionCount(m.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), monthCells[i]))],
            Count(records.Count),
            Count(agreed),
            Count(done),
            responses,
            responses.IsSuppressed || answered.Count == 0 ? null : Math.Round((decimal)answered.Average(r => r.ConfidenceBefore!.Value), 1),
            responses.IsSuppressed || answered.Count == 0 ? null : Math.Round((decimal)answered.Average(r => r.ConfidenceAfter!.Value), 1));
    }

    /// <summary>The briefings whose questions a finalised discussion in the filter's period used (for choosing which briefings a report details).</summary>
    public async Task<HashSet<int>> DiscussedBriefingIdsAsync(ReachFilter filter, CancellationToken cancellationToken = default)
    {
        var (first, last) = (filter.FirstDay, filter.LastDay);
        return [.. await db.LearningDiscussions.AsNoTracking()
            .Where(d => d.DocumentId != null && d.HeldOn >= first && d.HeldOn <= last && (filter.AgencyId == null || d.AgencyId == filter.AgencyId))
            .Select(d => d.DocumentId!.Value).Distinct().ToListAsync(cancellationToken)];
    }

    /// <summary>The actions of a briefing's plans (<paramref name="documentId"/>) or an objective's, optionally owned by one agency.</summary>
    public async Task<ActionFigures> ActionsAsync(int? documentId, Guid? objectiveId, int? agencyId, CancellationToken cancellationToken = default)
    {
        var filter = new ActionFilter(DocumentId: documentId, ObjectiveId: objectiveId, Owner: agencyId is { } a ? $"agency:{a}" : null);
        var (counts, overdue) = await actions.StandingAsync(filter, cancellationToken);
        return new ActionFigures(
            [.. counts.Select(c => (StandingName(c.Key), c.Value))],
            counts.Values.Sum(),
            [.. overdue.Select(o => new OverdueAction(o.Id, o.PlanTitle, o.Number, o.What, o.OwnerName, o.DueOn))]);
    }

    /// <summary>The standing as the action pages say it.</summary>
    public static string StandingName(ActionStanding standing) => standing switch
    {
        ActionStanding.NotStarted => "Not started",
        ActionStanding.OnTrack => "On track",
        ActionStanding.AtRisk => "At risk",
        ActionStanding.Overdue => "Overdue",
        _ => "Done",
    };

    /// <summary>A count on its own: below the threshold hidden; zero shown, as it singles nobody out.</summary>
    private SuppressedCount Count(int count) => count == 0 ? new SuppressedCount(0, smallNumbers.Threshold) : smallNumbers.Count(count);
}
