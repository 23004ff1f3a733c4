using System.Text;
using LearningPortal.Core.Impact;
using LearningPortal.Core.Reporting;

namespace LearningPortal.Web.Pages.Manage.Impact;

/// <summary>
/// /manage/impact/briefings/{slug}: one briefing's reach (readers by agency against enabled accounts, by month, read and
/// reflected), reflection in supervision (discussions by kind and month, actions agreed and done, confidence before
/// and after), its plan's actions, training on the courses linked to its objectives, and feedback. Each column is suppressed with its total shown, so a hidden cell cannot be worked
/// out by subtraction. ?handler=Csv&amp;table=... downloads one table.
/// </summary>
public class BriefingModel(
    PortalDbContext db, TimeProvider clock, ImpactReach reach, ImpactReflection reflection, ImpactTraining training, ImpactFeedbackFigures feedback, SmallNumbers smallNumbers)
    : ImpactPageModel(db, clock)
{
    public BriefingReachDetail Detail { get; private set; } = default!;

    public ReflectionFigures Reflection { get; private set; } = default!;

    public ActionFigures Actions { get; private set; } = default!;

    public TrainingFigures Training { get; private set; } = default!;

    public FeedbackSection Feedback { get; private set; } = default!;

    public int Threshold => smallNumbers.Threshold;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        return Page();
    }

    /// <summary>One table as CSV: agency, month, kind, discussion-month, reflection, actions, training, gcp2, feedback-source or feedback-agency.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string slug, string? table)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var d = Detail;
        var r = Reflection;
        (string[] Header, IEnumerable<string[]> Rows)? csv = table switch
        {
            "agency" => (["Agency", "Signed-in readers (person-days)", "Enabled accounts", "Read and reflected"],
                d.ByAgency.Append(d.AgencyTotal).Select(x => new[] { x.Label, x.Readers.ToString(), $"{x.EnabledAccounts}", x.Reflected.ToString() })),
            "month" => (["Month", "Signed-in readers (person-days)", "Read and reflected"],
                d.ByMonth.Append(d.AgencyTotal with { Label = "All months" }).Select(x => new[] { x.Label, x.Readers.ToString(), x.Reflected.ToString() })),
            "kind" => (["Kind of discussion", "Discussions"], r.ByKind.Append(new("All kinds", r.Discussions)).Select(x => new[] { x.Label, x.Discussions.ToString() })),
            "discussion-month" => (["Month", "Discussions"], r.ByMonth.Append(new("All months", r.Discussions)).Select(x => new[] { x.Label, x.Discussions.ToString() })),
            "reflection" => (["Figure", "Value"], ImpactSections.ReflectionSummary(r).Select(x => new[] { x.Label, x.Value })),
            "actions" => (["Standing", "Actions"], Actions.ByStanding.Append(("All actions", Actions.Total)).Select(x => new[] { x.Item1, $"{x.Item2}" })),
            _ => TrainingAndFeedbackSections.Csv(table, Training, Feedback),
        };
        if (csv is not { } c)
        {
            return NotFound();
        }

        return ImpactCsv.File(this, $"impact-{d.Slug}-{table}-{Filter.FirstDay:yyyy-MM}-to-{Filter.LastDay:yyyy-MM}.csv",
            ["Briefing", "From", "To", "Agency", .. c.Header],
            c.Rows.Select(row => new[] { d.Title, $"{Filter.FirstDay:yyyy-MM}", $"{Filter.LastDay:yyyy-MM}", AgencyName ?? "All agencies" }.Concat(row).ToArray()));
    }

    public string CsvLink(string table) => ImpactLinks.Csv(Url, "/Manage/Impact/Briefing", Filter, table, new { slug = Detail.Slug });

    private async Task<bool> LoadAsync(string slug)
    {
        await ReadFilterAsync();
        var cancel = HttpContext.RequestAborted;
        var detail = await reach.BriefingAsync(slug, Filter, cancel);
        if (detail is null)
        {
            return false;
        }

        Detail = detail;
        Reflection = await reflection.ReflectionAsync([detail.DocumentId], Filter, cancel);
        Actions = await reflection.ActionsAsync(detail.DocumentId, null, Filter.AgencyId, cancel);
        var courses = await training.CoursesOfBriefingAsync(detail.DocumentId, cancel);
        Training = await training.TrainingAsync(courses, Filter, cancel);
        Feedback = await feedback.FeedbackAsync([detail.DocumentId], courses, Filter, cancel);
        return true;
    }

    /// <summary>Bars for the chart: suppressed figures are drawn as no bar and labelled as the table labels them.</summary>
    public static BarChart Chart(string id, string title, IEnumerable<(string Label, SuppressedCount Count)> bars) =>
        new(id, title, [.. bars]);

    public static string Percent(double? share) => share is { } s ? s.ToString("0%", System.Globalization.CultureInfo.InvariantCulture) : "-";
}

/// <summary>An SVG bar chart of suppressed counts: an id for its title and description, a title and the bars.</summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<(string Label, SuppressedCount Count)> Bars);
