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

/// <summary>One agency's return to one assurance request open in the period (a draft counts as not answered).</summary>
public sealed record ReportAssuranceReturn(int RequestId, string Question, DateOnly DueOn, string Agency, AssuranceRating? Rating, DateTime? SentUtc, string Narrative);

/// <summary>An agency's assurance returns in the period: how many requests it was asked, and its answers by rating.</summary>
public sealed record ReportAgencyAssurance(string Agency, int Asked, int Assured, int PartlyAssured, int NotAssured, int NotAnswered, int Late);

/// <summary>The board report for the Neglect subgroup or the Executive.</summary>
public sealed record BoardReport(DateOnly Since, DateOnly Until, DateOnly Today, IReadOnlyList<ReportPlan> Plans, IReadOnlyList<ReportChange> Changes, IReadOnlyList<ReportAssuranceReturn> Returns)
{
    /// <summary>Assurance returns by agency, by name.</summary>
    public IReadOnlyList<ReportAgencyAssurance> AssuranceByAgency => Returns.GroupBy(r => r.Agency).OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new ReportAgencyAssurance(g.Key, g.Count(), g.Count(r => r.Rating == AssuranceRating.Assured), g.Count(r => r.Rating == AssuranceRating.PartlyAssured),
            g.Count(r => r.Rating == AssuranceRating.NotAssured), g.Count(r => r.Rating is null), g.Count(r => r.Rating is null && r.DueOn < Today)))
        .ToList();

    public IEnumerable<(ReportPlan Plan, ReportAction Action)> Overdue =>
        Plans.SelectMany(p => p.Actions.Where(a => a.Standing == ActionStanding.Overdue).Select(a => (p, a))).OrderBy(x => x.a.DueOn);
}

/// <summary>A row of the report's CSV: one action, or one agency's assurance return (<see cref="Kind"/> says which).</summary>
[CsvRecord]
public sealed partial record ReportCsvRow(
    [property: CsvColumn("Row")] string Kind,
    [property: CsvColumn("Plan")] string Plan,
    [property: CsvColumn("Number")] int Action,
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
        // The latest update of each action up to the period's end, as two scalar subqueries that each seek the
        // (ActionId, CreatedUtc) index and stop at one row. Projecting the whole update with FirstOrDefault instead makes
        // the database number every update of every action (50,000 at the benchmark's size) before picking one each.
        var rows = await actions
            .Select(a => new
            {
                a.Id, a.PlanId, PlanTitle = a.Plan.Title, a.Number, a.What, a.Status, a.DueOn,
                Owner = db.Agencies.Where(x => x.Id == a.OwnerAgencyId).Select(x => x.Name).FirstOrDefault()
                    ?? db.PartnershipGroups.Where(x => x.Id == a.OwnerGroupId).Select(x => x.Name).FirstOrDefault(),
                Lead = db.Users.Where(u => u.Id == a.LeadUserId).Select(u => u.DisplayName).FirstOrDefault(),
                LatestUtc = db.ActionUpdates.Where(u => u.ActionId == a.Id && u.CreatedUtc < end).OrderByDescending(u => u.CreatedUtc).ThenByDescending(u => u.Id)
                    .Select(u => (DateTime?)u.CreatedUtc).FirstOrDefault(),
                LatestText = db.ActionUpdates.Where(u => u.ActionId == a.Id && u.CreatedUtc < end).OrderByDescending(u => u.CreatedUtc).ThenByDescending(u => u.Id)
                    .Select(u => u.Text).FirstOrDefault(),
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
                a.LatestUtc, a.LatestUtc is null ? null : a.LatestText)).ToList();
            return new ReportPlan(g.Key.PlanId, g.Key.PlanTitle, Enum.GetValues<ActionStanding>().ToDictionary(s => s, s => list.Count(a => a.Standing == s)), list);
        }).ToList();
        return new BoardReport(since, until, today, plans,
            changes.Select(c => new ReportChange(c.OccurredUtc, c.PlanTitle, c.Number, c.ActorName, c.What)).ToList(),
            await ReturnsAsync(start, end, planId, cancellationToken));
    }

    /// <summary>
    /// Every agency's return to each request open at some time in the period (made before its end, not closed before
    /// its start); with a plan chosen, only requests for that plan's actions. An answer counts if sent before the end.
    /// </summary>
    private async Task<IReadOnlyList<ReportAssuranceReturn>> ReturnsAsync(DateTime start, DateTime end, int? planId, CancellationToken cancellationToken)
    {
        var requests = db.AssuranceRequests.AsNoTracking().Where(r => r.CreatedUtc < end && (r.ClosedUtc == null || r.ClosedUtc >= start));
        if (planId is { } plan)
        {
            requests = requests.Where(r => db.PlanActions.Any(a => a.Id == r.ActionId && a.PlanId == plan));
        }

        // One answer per agency and request at most (a unique index), so a plain left join: no per-row subquery.
        var sent = db.AssuranceAnswers.Where(a => !a.IsDraft && a.SentUtc < end);
        var rows = await (from r in requests
                          from ra in r.Agencies
                          join ag in db.Agencies on ra.AgencyId equals ag.Id
                          join a in sent on new { RequestId = r.Id, ra.AgencyId } equals new { a.RequestId, a.AgencyId } into answers
                          from a in answers.DefaultIfEmpty()
                          select new { r.Id, r.Question, r.DueOn, Agency = ag.Name, Rating = a == null ? null : a.Rating, SentUtc = a == null ? null : a.SentUtc, Narrative = a == null ? null : a.Narrative })
                         .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Agency, StringComparer.Ordinal).ThenBy(r => r.DueOn).ThenBy(r => r.Id)
            .Select(r => new ReportAssuranceReturn(r.Id, r.Question, r.DueOn, r.Agency, r.Rating, r.SentUtc, r.Narrative ?? "")).ToList();
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The report as CSV rows: one per action, with how many changes it had in the period.</summary>
    public static IReadOnlyList<ReportCsvRow> CsvRows(BoardReport report)
    {
        var changes = report.Changes.GroupBy(c => (c.PlanTitle, c.ActionNumber)).ToDictionary(g => g.Key, g => g.Count());
        var actions = report.Plans.SelectMany(p => p.Actions.Select(a => new ReportCsvRow("Action", p.Title, a.Number, a.What, a.Owner, a.Lead ?? "Needs a lead",
            Day(a.DueOn), ActionWords.Of(a.Standing),
            a.LatestUpdateUtc is { } u ? Day(DateOnly.FromDateTime(UkTime.FromUtc(u))) : "",
            a.LatestUpdate ?? "", changes.GetValueOrDefault((p.Title, a.Number)))));
        // An assurance return: the question in "What", the agency as owner, the rating as status, the narrative as the update.
        var returns = report.Returns.Select(r => new ReportCsvRow("Assurance return", "", r.RequestId, r.Question, r.Agency, "",
            Day(r.DueOn), r.Rating is { } rating ? AssuranceWords.Of(rating) : r.DueOn < report.Today ? "Not answered (late)" : "Not answered",
            r.SentUtc is { } s ? Day(DateOnly.FromDateTime(UkTime.FromUtc(s))) : "", r.Narrative, 0));
        return actions.Concat(returns).ToList();
    }
}
