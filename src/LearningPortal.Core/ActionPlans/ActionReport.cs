using System.Runtime.CompilerServices;
using CsvHelper;
using LearningPortal.Core.Data;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.ActionPlans;

/// <summary>One action in a plan's report, with its latest update (the "why" of an overdue action) and its changes in the period.</summary>
public sealed record ReportAction(int Id, int Number, string What, string Owner, string? Lead, DateOnly DueOn, ActionStanding Standing, DateTime? LatestUpdateUtc, string? LatestUpdate, int ChangesInPeriod);

/// <summary>A change made in the period to one of a plan's actions, for "what changed since".</summary>
public sealed record ReportChange(DateTime OccurredUtc, int ActionNumber, string Who, string What);

/// <summary>One agency's return to one assurance request open in the period (a draft counts as not answered).</summary>
public sealed record ReportAssuranceReturn(int RequestId, string Question, DateOnly DueOn, string Agency, AssuranceRating? Rating, DateTime? SentUtc, string Narrative);

/// <summary>An agency's assurance returns in the period: how many requests it was asked, and its answers by rating.</summary>
public sealed record ReportAgencyAssurance(string Agency, int Asked, int Assured, int PartlyAssured, int NotAssured, int NotAnswered, int Late)
{
    /// <summary>Returns counted per agency, agencies by name.</summary>
    public static IReadOnlyList<ReportAgencyAssurance> Of(IEnumerable<ReportAssuranceReturn> returns, DateOnly today) =>
        returns.GroupBy(r => r.Agency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ReportAgencyAssurance(g.Key, g.Count(), g.Count(r => r.Rating == AssuranceRating.Assured), g.Count(r => r.Rating == AssuranceRating.PartlyAssured),
                g.Count(r => r.Rating == AssuranceRating.NotAssured), g.Count(r => r.Rating is null), g.Count(r => r.Rating is null && r.DueOn < today)))
            .ToList();
}

/// <summary>One assurance request open in the period, with its agencies' returns counted by rating.</summary>
public sealed record ReportRequestLine(int Id, string Question, DateOnly DueOn, int Asked, int Assured, int PartlyAssured, int NotAssured, int NotAnswered);

/// <summary>One plan's line in the summary: its actions by where they stand today, and how many changes the period saw.</summary>
public sealed record ReportPlanLine(int Id, string Title, IReadOnlyDictionary<ActionStanding, int> Counts, int Changes)
{
    public int Actions => Counts.Values.Sum();
}

/// <summary>
/// The board report's summary for the whole partnership: a line per plan, totals, and assurance returns by agency and
/// by request. Each plan's detail is a <see cref="PlanReport"/> of its own.
/// </summary>
public sealed record BoardSummary(DateOnly Since, DateOnly Until, DateOnly Today, IReadOnlyList<ReportPlanLine> Plans, IReadOnlyList<ReportAgencyAssurance> AssuranceByAgency, IReadOnlyList<ReportRequestLine> Requests)
{
    public IReadOnlyDictionary<ActionStanding, int> Totals => Enum.GetValues<ActionStanding>().ToDictionary(s => s, s => Plans.Sum(p => p.Counts[s]));

    public int TotalActions => Plans.Sum(p => p.Actions);

    public int TotalChanges => Plans.Sum(p => p.Changes);
}

/// <summary>
/// One plan's detail in the board report: every action with where it stands and its latest update up to the period's
/// end, what is overdue and why, what changed in the period, and the returns to assurance requests about its actions.
/// </summary>
public sealed record PlanReport(DateOnly Since, DateOnly Until, DateOnly Today, int PlanId, string Title, IReadOnlyList<ReportAction> Actions, IReadOnlyList<ReportChange> Changes, IReadOnlyList<ReportAssuranceReturn> Returns)
{
    public IReadOnlyDictionary<ActionStanding, int> Counts => Enum.GetValues<ActionStanding>().ToDictionary(s => s, s => Actions.Count(a => a.Standing == s));

    public IEnumerable<ReportAction> Overdue => Actions.Where(a => a.Standing == ActionStanding.Overdue).OrderBy(a => a.DueOn).ThenBy(a => a.Number);

    public IReadOnlyList<ReportAgencyAssurance> AssuranceByAgency => ReportAgencyAssurance.Of(Returns, Today);
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
/// Builds the board report for a period (changes since one day, up to another, inclusive, in UK time): the summary of
/// every plan, one plan's detail, and the CSV of every action as a stream of rows. Where an action stands is as of
/// today; its latest update is the latest up to the period's end. Read-only.
/// </summary>
public class ActionReport(PortalDbContext db, TimeProvider clock)
{
    /// <summary>At most this many changes are listed on a plan's page (newest first); the counts are always whole.</summary>
    public const int ChangesShown = 500;

    public DateOnly Today => DateOnly.FromDateTime(UkTime.FromUtc(clock.GetUtcNow().UtcDateTime));

    /// <summary>The summary: a line per plan (from one small row per action, no text), totals, and assurance returns.</summary>
    public async Task<BoardSummary> SummaryAsync(DateOnly since, DateOnly until, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var (start, end) = Window(since, until);
        var plans = await db.ActionPlans.AsNoTracking().OrderBy(p => p.Title).ThenBy(p => p.Id).Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken);
        // One small row per action (no text), its changes in the period counted on the (ActionId, OccurredUtc) index, and
        // the sums made here: the cost is the same whatever the period, where joining the period's history to the
        // actions grows with it (55,000 lines a year at the benchmark's size).
        var actions = await db.PlanActions.AsNoTracking()
            .Select(a => new { a.PlanId, a.Status, a.DueOn, Changes = db.ActionHistory.Count(h => h.ActionId == a.Id && h.OccurredUtc >= start && h.OccurredUtc < end) })
            .ToListAsync(cancellationToken);
        var byPlan = actions.ToLookup(a => a.PlanId);
        var lines = plans.Select(p =>
        {
            var mine = byPlan[p.Id];
            var counts = Enum.GetValues<ActionStanding>().ToDictionary(s => s, _ => 0);
            foreach (var a in mine)
            {
                counts[PlanAction.Standing(a.Status, a.DueOn, today)]++;
            }

            return new ReportPlanLine(p.Id, p.Title, counts, mine.Sum(a => a.Changes));
        }).ToList();

        // The summary counts returns, so it reads no narratives.
        var returns = await Returns(start, end, null, withNarrative: false).ToListAsync(cancellationToken);
        var requests = returns.GroupBy(r => (r.RequestId, r.Question, r.DueOn)).OrderBy(g => g.Key.DueOn).ThenBy(g => g.Key.RequestId)
            .Select(g => new ReportRequestLine(g.Key.RequestId, g.Key.Question, g.Key.DueOn, g.Count(), g.Count(r => r.Rating == AssuranceRating.Assured),
                g.Count(r => r.Rating == AssuranceRating.PartlyAssured), g.Count(r => r.Rating == AssuranceRating.NotAssured), g.Count(r => r.Rating is null)))
            .ToList();
        return new BoardSummary(since, until, today, lines, ReportAgencyAssurance.Of(returns, today), requests);
    }

    /// <summary>One plan's detail, or null if there is no such plan.</summary>
    public async Task<PlanReport?> PlanAsync(int planId, DateOnly since, DateOnly until, CancellationToken cancellationToken = default)
    {
        if (await db.ActionPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Title).SingleOrDefaultAsync(cancellationToken) is not { } title)
        {
            return null;
        }

        var today = Today;
        var (start, end) = Window(since, until);
        var names = await Names.ReadAsync(db, planId, cancellationToken);
        var actions = (await Lines(planId, start, end).ToListAsync(cancellationToken)).Select(a => a.ToReportAction(today, names)).ToList();
        var changes = await db.ActionHistory.AsNoTracking()
            .Where(h => h.OccurredUtc >= start && h.OccurredUtc < end)
            .Join(db.PlanActions.Where(a => a.PlanId == planId), h => h.ActionId, a => a.Id, (h, a) => new { h.Id, h.OccurredUtc, a.Number, h.ActorName, h.What })
            .OrderByDescending(h => h.OccurredUtc).ThenByDescending(h => h.Id)
            .Take(ChangesShown)
            .Select(h => new ReportChange(h.OccurredUtc, h.Number, h.ActorName, h.What))
            .ToListAsync(cancellationToken);
        var returns = await Returns(start, end, planId, withNarrative: true).ToListAsync(cancellationToken);
        return new PlanReport(since, until, today, planId, title, actions, changes, returns);
    }

    /// <summary>
    /// The CSV's rows, read from the database one at a time as they are written: every action (of every plan, or of
    /// one), then every agency's return to the requests open in the period (for that plan's actions, if one is chosen).
    /// </summary>
    public async IAsyncEnumerable<ReportCsvRow> CsvRowsAsync(DateOnly since, DateOnly until, int? planId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var today = Today;
        var (start, end) = Window(since, until);
        var names = await Names.ReadAsync(db, planId, cancellationToken);
        await foreach (var a in Lines(planId, start, end).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            // An action: where it stands today, and its latest update up to the period's end.
            yield return new ReportCsvRow("Action", a.PlanTitle, a.Number, a.What, names.Owner(a), names.Lead(a) ?? "Needs a lead", Day(a.DueOn),
                ActionWords.Of(PlanAction.Standing(a.Status, a.DueOn, today)), a.LatestUtc is { } u ? Day(DateOnly.FromDateTime(UkTime.FromUtc(u))) : "",
                a.LatestUtc is null ? "" : a.LatestText ?? "", a.Changes);
        }

        await foreach (var r in Returns(start, end, planId, withNarrative: true).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            // An assurance return: the question in "What", the agency as owner, the rating as status, the narrative as the update.
            yield return new ReportCsvRow("Assurance return", "", r.RequestId, r.Question, r.Agency, "", Day(r.DueOn),
                r.Rating is { } rating ? AssuranceWords.Of(rating) : r.DueOn < today ? "Not answered (late)" : "Not answered",
                r.SentUtc is { } s ? Day(DateOnly.FromDateTime(UkTime.FromUtc(s))) : "", r.Narrative, 0);
        }
    }

    /// <summary>The period in UTC: from the start of <paramref name="since"/> to the end of <paramref name="until"/>, UK time.</summary>
    private static (DateTime Start, DateTime End) Window(DateOnly since, DateOnly until) =>
        (UkTime.ToUtc(since.ToDateTime(TimeOnly.MinValue)), UkTime.ToUtc(until.AddDays(1).ToDateTime(TimeOnly.MinValue)));

    /// <summary>
    /// Actions with their latest update up to <paramref name="end"/> and their number of changes in the period,
    /// by plan title then number. The latest update is two scalar subqueries that each seek the (ActionId, CreatedUtc)
    /// index and stop at one row: projecting the whole update with FirstOrDefault instead makes the database number
    /// every update of every action (50,000 at the benchmark's size) before picking one each.
    /// </summary>
    private IQueryable<ActionLine> Lines(int? planId, DateTime start, DateTime end) =>
        db.PlanActions.AsNoTracking()
            .Where(a => planId == null || a.PlanId == planId)
            .OrderBy(a => a.Plan.Title).ThenBy(a => a.PlanId).ThenBy(a => a.Number)
            .Select(a => new ActionLine
            {
                Id = a.Id,
                PlanTitle = a.Plan.Title,
                Number = a.Number,
                What = a.What,
                Status = a.Status,
                DueOn = a.DueOn,
                OwnerAgencyId = a.OwnerAgencyId,
                OwnerGroupId = a.OwnerGroupId,
                LeadUserId = a.LeadUserId,
                LatestUtc = db.ActionUpdates.Where(u => u.ActionId == a.Id && u.CreatedUtc < end).OrderByDescending(u => u.CreatedUtc).ThenByDescending(u => u.Id)
                    .Select(u => (DateTime?)u.CreatedUtc).FirstOrDefault(),
                LatestText = db.ActionUpdates.Where(u => u.ActionId == a.Id && u.CreatedUtc < end).OrderByDescending(u => u.CreatedUtc).ThenByDescending(u => u.Id)
                    .Select(u => u.Text).FirstOrDefault(),
                Changes = db.ActionHistory.Count(h => h.ActionId == a.Id && h.OccurredUtc >= start && h.OccurredUtc < end),
            });

    /// <summary>
    /// Every agency's return to each request open at some time in the period (made before its end, not closed before
    /// its start), by agency; with a plan chosen, only requests for that plan's actions. An answer counts if sent
    /// before the end. One answer per agency and request at most (a unique index), so a plain left join.
    /// </summary>
    private IQueryable<ReportAssuranceReturn> Returns(DateTime start, DateTime end, int? planId, bool withNarrative)
    {
        var requests = db.AssuranceRequests.AsNoTracking().Where(r => r.CreatedUtc < end && (r.ClosedUtc == null || r.ClosedUtc >= start));
        if (planId is { } plan)
        {
            requests = requests.Where(r => db.PlanActions.Any(a => a.Id == r.ActionId && a.PlanId == plan));
        }

        var sent = db.AssuranceAnswers.Where(a => !a.IsDraft && a.SentUtc < end);
        return from r in requests
               from ra in r.Agencies
               join ag in db.Agencies on ra.AgencyId equals ag.Id
               join a in sent on new { RequestId = r.Id, ra.AgencyId } equals new { a.RequestId, a.AgencyId } into answers
               from a in answers.DefaultIfEmpty()
               orderby ag.Name, r.DueOn, r.Id
               select new ReportAssuranceReturn(r.Id, r.Question, r.DueOn, ag.Name, a == null ? null : a.Rating, a == null ? null : a.SentUtc,
                   withNarrative && a != null ? a.Narrative : "");
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An action as the database gives it for the report.</summary>
    private sealed class ActionLine
    {
        public int Id { get; init; }

        public string PlanTitle { get; init; } = "";

        public int Number { get; init; }

        public string What { get; init; } = "";

        public PlanActionStatus Status { get; init; }

        public DateOnly DueOn { get; init; }

        public int? OwnerAgencyId { get; init; }

        public int? OwnerGroupId { get; init; }

        public string? LeadUserId { get; init; }

        public DateTime? LatestUtc { get; init; }

        public string? LatestText { get; init; }

        public int Changes { get; init; }

        public ReportAction ToReportAction(DateOnly today, Names names) =>
            new(Id, Number, What, names.Owner(this), names.Lead(this), DueOn, PlanAction.Standing(Status, DueOn, today), LatestUtc, LatestUtc is null ? null : LatestText, Changes);
    }

    /// <summary>
    /// Owners' and leads' names, read once (agencies and groups are a few dozen; leads only those who lead an action)
    /// rather than as three subqueries on each of thousands of actions.
    /// </summary>
    private sealed class Names(Dictionary<int, string> agencies, Dictionary<int, string> groups, Dictionary<string, string> leads)
    {
        public static async Task<Names> ReadAsync(PortalDbContext db, int? planId, CancellationToken cancellationToken)
        {
            var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
            var groups = await db.PartnershipGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
            var leadIds = db.PlanActions.Where(a => a.LeadUserId != null && (planId == null || a.PlanId == planId)).Select(a => a.LeadUserId);
            var leads = await db.Users.AsNoTracking().Where(u => leadIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            return new Names(agencies, groups, leads);
        }

        public string Owner(ActionLine a) =>
            (a.OwnerAgencyId is { } agency ? agencies.GetValueOrDefault(agency) : null) ?? (a.OwnerGroupId is { } group ? groups.GetValueOrDefault(group) : null) ?? "";

        public string? Lead(ActionLine a) => a.LeadUserId is { } id ? leads.GetValueOrDefault(id) : null;
    }
}
