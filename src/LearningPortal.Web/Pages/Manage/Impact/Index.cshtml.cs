using System.Text;
using LearningPortal.Core.Impact;
using LearningPortal.Core.Reporting;

namespace LearningPortal.Web.Pages.Manage.Impact;

/// <summary>
/// /manage/impact: every strategic objective in one line (its briefings' readers and discussions, its actions, its
/// latest outcome figure) with a chart, then every published briefing's reach in a period (signed-in readers, a person once a day; anonymous
/// views; read and reflected), optionally for one agency. Small numbers suppressed; ?handler=Csv downloads the same figures.
/// </summary>
public class IndexModel(PortalDbContext db, TimeProvider clock, ImpactReach reach, ImpactObjectives objectives, SmallNumbers smallNumbers) : ImpactPageModel(db, clock)
{
    public IReadOnlyList<BriefingReach> Briefings { get; private set; } = [];

    public IReadOnlyList<ObjectiveSummary> Objectives { get; private set; } = [];

    public int Threshold => smallNumbers.Threshold;

    public async Task<IActionResult> OnGetAsync()
    {
        await ReadFilterAsync();
        Briefings = await reach.BriefingsAsync(Filter, HttpContext.RequestAborted);
        Objectives = await objectives.SummariesAsync(Filter, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await ReadFilterAsync();
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var rows = await reach.BriefingsAsync(Filter, HttpContext.RequestAborted);
        var csv = new StringBuilder();
        csv.AppendLine(ImpactCsv.Line("Briefing", "Address", "From", "To", "Agency", "Signed-in readers (person-days)", "Anonymous views", "Read and reflected"));
        foreach (var r in rows)
        {
            csv.AppendLine(ImpactCsv.Line(r.Title, $"/learning/{r.Slug}", $"{Filter.FirstDay:yyyy-MM}", $"{Filter.LastDay:yyyy-MM}", AgencyName ?? "All agencies",
                r.Readers.ToString(), r.AnonymousViews?.ToString() ?? "not known by agency", r.Reflected.ToString()));
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8",
            $"briefing-reach-{Filter.FirstDay:yyyy-MM}-to-{Filter.LastDay:yyyy-MM}.csv");
    }
}

/// <summary>CSV lines for the impact downloads: quoted where needed, and cells a spreadsheet would run as formulas start with an apostrophe.</summary>
public static class ImpactCsv
{
    /// <summary>A whole download: a header line, the rows, UTF-8 with a byte order mark so spreadsheets read it as such.</summary>
    public static FileContentResult File(Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, string name, string[] header, IEnumerable<string[]> rows)
    {
        var csv = new StringBuilder();
        csv.AppendLine(Line(header));
        foreach (var row in rows)
        {
            csv.AppendLine(Line(row));
        }

        return page.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", name);
    }

    public static string Line(params string[] cells) => string.Join(',', cells.Select(Cell));

    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
