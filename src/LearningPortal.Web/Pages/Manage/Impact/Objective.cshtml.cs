using LearningPortal.Core.Impact;
using LearningPortal.Core.Reporting;

namespace LearningPortal.Web.Pages.Manage.Impact;

/// <summary>
/// /manage/impact/objectives/{id}: one strategic objective for the chosen period and agency: the reach of the briefings
/// linked to it, training on its linked courses, reflection in supervision across them, feedback, the actions of its plans and its outcome figures. Each table has
/// a CSV (?handler=Csv&amp;table=...) and the page prints.
/// </summary>
public class ObjectiveModel(
    PortalDbContext db, TimeProvider clock, ImpactObjectives objectives, ImpactTraining training, ImpactFeedbackFigures feedback, SmallNumbers smallNumbers)
    : ImpactPageModel(db, clock)
{
    public ObjectiveImpact Impact { get; private set; } = default!;

    public TrainingFigures Training { get; private set; } = default!;

    public FeedbackSection Feedback { get; private set; } = default!;

    public int Threshold => smallNumbers.Threshold;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>One table as CSV: briefings, kind, discussion-month, reflection, actions, outcomes, training, gcp2, feedback-source or feedback-agency.</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid id, string? table)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var i = Impact;
        var r = i.Reflection;
        (string[] Header, IEnumerable<string[]> Rows)? csv = table switch
        {
            "briefings" => (["Briefing", "Signed-in readers (person-days)", "Anonymous views", "Read and reflected"],
                i.Briefings.Select(b => new[] { b.Title, b.Readers.ToString(), b.AnonymousViews?.ToString() ?? "not known by agency", b.Reflected.ToString() })),
            "kind" => (["Kind of discussion", "Discussions"], r.ByKind.Append(new("All kinds", r.Discussions)).Select(x => new[] { x.Label, x.Discussions.ToString() })),
            "discussion-month" => (["Month", "Discussions"], r.ByMonth.Append(new("All months", r.Discussions)).Select(x => new[] { x.Label, x.Discussions.ToString() })),
            "reflection" => (["Figure", "Value"], ImpactSections.ReflectionSummary(r).Select(x => new[] { x.Label, x.Value })),
            "actions" => (["Standing", "Actions"], i.Actions.ByStanding.Append(("All actions", i.Actions.Total)).Select(x => new[] { x.Item1, $"{x.Item2}" })),
            "outcomes" => (["Measure", "Quarter", "Figure", "Source"],
                i.Outcomes.Select(f => new[] { f.Measure, Quarters.Label(f.QuarterStart), f.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), f.Source })),
            _ => TrainingAndFeedbackSections.Csv(table, Training, Feedback),
        };
        if (csv is not { } c)
        {
            return NotFound();
        }

        return ImpactCsv.File(this, $"impact-objective-{i.Objective.Number}-{table}-{Filter.FirstDay:yyyy-MM}-to-{Filter.LastDay:yyyy-MM}.csv",
            ["Objective", "From", "To", "Agency", .. c.Header],
            c.Rows.Select(row => new[] { i.Objective.Title, $"{Filter.FirstDay:yyyy-MM}", $"{Filter.LastDay:yyyy-MM}", AgencyName ?? "All agencies" }.Concat(row).ToArray()));
    }

    public string CsvLink(string table) => ImpactLinks.Csv(Url, "/Manage/Impact/Objective", Filter, table, new { id = Impact.Objective.Id });

    private async Task<bool> LoadAsync(Guid id)
    {
        await ReadFilterAsync();
        if (await objectives.ObjectiveAsync(id, Filter, HttpContext.RequestAborted) is not { } impact)
        {
            return false;
        }

        Impact = impact;
        var courses = await training.CoursesOfObjectiveAsync(id, HttpContext.RequestAborted);
        Training = await training.TrainingAsync(courses, Filter, HttpContext.RequestAborted);
        Feedback = await feedback.FeedbackAsync([.. impact.Briefings.Select(b => b.DocumentId)], courses, Filter, HttpContext.RequestAborted);
        return true;
    }
}
