using CsvHelper;
using LearningPortal.Core.Data;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.ActionPlans;

/// <summary>One action in the board report, with its latest update (the "why" of an overdue action).</summary>
public sealed record ReportAction(int Id, int Number, string What, string Owner, string? Lead, DateOnly DueOn, ActionStanding Standing, DateTime? LatestUpdateUtc, string? LatestUpdate);

/// <summary>A plan in the board report: its counts by status and its actions.</summary>
public sealed record ReportPlan(int Id, string Title, IReadOnlyDictionary<ActionStanding, int> Counts, IReadOnlyList<ReportAction> Actions);

/// <summary>A change made in the period, for "what changed since".</summary>
public sealed record ReportChange(DateTime OccurredUtc, string PlanTitle, int ActionNumber, string Who, string What);

/// <summary>The board report for the Neglect subgroup or the Executive.</summary>
public sealed record BoardReport(DateOnly Since, DateOnly Until, DateOnly Today, IReadOnlyList<ReportPlan> Plans, IReadOnlyList<ReportChange> Changes)
{
    public IEnumerable<(ReportPlan Plan, ReportAction Action)> Overdue =>
        Plans.SelectMany(p => p.Actions.Where(a => a.Standing == ActionStanding.Overdue).Select(a => (p, a))).OrderBy(x => x.a.DueOn);
}

/// <summary>A row of the report's CSV: one action.</summary>
[CsvRecord]
public sealed partial record ReportCsvRow(
    [property: CsvColumn("Plan")] string Plan,
    [property: CsvColumn("Action")] int Action,
    [property: CsvColumn("What will be done")] string What,
    [property: CsvColumn("Owner")] string Owner,
    [property: CsvColumn("Lead")] string Lead,
    [property: CsvColumn("Due")] string Due,
    [property: CsvColumn("Status")] string Status,
    [property: CsvColumn("Latest update on")] string LatestUpdateOn,
    [property: CsvColumn("Latest update")] string LatestUpdate,
    [property: CsvColumn("Changes in the period")] int ChangesInPeriod);

/// <summary>
/// Builds the board report for a period: every plan (or one) with its actions, their status today and their latest
/// update up to the period's end (for an overdue action, the "why"), and the changes made during the period (the latest
/// 500). Read-only.
/// </summary>
public class ActionReport(PortalDbContext db, TimeProvider clock)
{
    public async Task<BoardReport> BuildAsync(DateOnly since, DateOnly until, int? planId = null, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(UkTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        var start = UkTime.ToUtc(since.ToDateTime(TimeOnly.MinValue));
        var end = UkTime.ToUtc(until.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var actions = db.PlanActions.AsNoTracking().Where(a => planId == null || a.PlanId == planId);
        var rows = await actions
            .Select(a => new
            {
                a.Id, a.PlanId, PlanTitle = a.Plan.Title, a.Number, a.What, a.Status, a.DueOn,
                Owner = db.Agencies.Where(x => x.Id == a.OwnerAgencyId).Select(x => x.Name).FirstOrDefault()
                    ?? db.PartnershipGroups.Where(x => x.Id == a.OwnerGroupId).Select(x => x.Name).FirstOrDefault(),
                Lead = db.Users.Where(u => u.Id == a.LeadUserId).Select(u => u.DisplayName).FirstOrDefault(),
                Latest = db.ActionUpdates.Where(u => u.ActionId == a.Id && u.CreatedUtc < end).OrderByDescending(u => u.CreatedUtc).ThenByDescending(u => u.Id)
                    .Select(u => new { u.CreatedUtc, u.Text }).FirstOrDefault(),
            })
            .OrderBy(a => a.PlanTitle).ThenBy(a => a.PlanId).ThenBy(a => a.Number)
            .ToListAsync(cancellationToken);
        var changes = await db.ActionHistory.AsNoTracking()
            .Where(h => h.OccurredUtc >= start && h.OccurredUtc < end)
            .Join(actions, h => h.ActionId, a => a.Id, (h, a) => new { h.Id, h.OccurredUtc, PlanTitle = a.Plan.Title, a.Number, h.ActorName, h.What })
            .OrderByDescending(h => h.OccurredUtc).ThenByDescending(h => h.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        var plans = rows.GroupBy(r => (r.PlanId, r.PlanTitle)).Select(g =>
        {
            var list = g.Select(a => new ReportAction(a.Id, a.Number, a.What, a.Owner ?? "", a.Lead, a.DueOn, PlanAction.Standing(a.Status, a.DueOn, today),
                a.Latest?.CreatedUtc, a.Latest?.Text)).ToList();
            return new ReportPlan(g.Key.PlanId, g.Key.PlanTitle, Enum.GetValues<ActionStanding>().ToDictionary(s => s, s => list.Count(a => a.Standing == s)), list);
        }).ToList();
        return new BoardReport(since, until, today, plans,
            changes.Select(c => new ReportChange(c.OccurredUtc, c.PlanTitle, c.Number, c.ActorName, c.What)).ToList());
    }

    /// <summary>The report as CSV rows: one per action, with how many changes it had in the period.</summary>
    public static IReadOnlyList<ReportCsvRow> CsvRows(BoardReport report)
    {
        var changes = report.Changes.GroupBy(c => (c.PlanTitle, c.ActionNumber)).ToDictionary(g => g.Key, g => g.Count());
        return report.Plans.SelectMany(p => p.Actions.Select(a => new ReportCsvRow(p.Title, a.Number, a.What, a.Owner, a.Lead ?? "Needs a lead",
            a.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ActionWords.Of(a.Standing),
            a.LatestUpdateUtc is { } u ? UkTime.FromUtc(u).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "",
            a.LatestUpdate ?? "", changes.GetValueOrDefault((p.Title, a.Number))))).ToList();
    }
}
