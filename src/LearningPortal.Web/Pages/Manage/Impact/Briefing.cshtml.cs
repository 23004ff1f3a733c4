using LearningPortal.Core.Data;
using LearningPortal.Core.Impact;
using LearningPortal.Core.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace LearningPortal.Web.Pages.Manage.Impact;

/// <summary>
/// /manage/impact/briefings/{slug}: one briefing's readers by agency (against each agency's enabled accounts) and by
/// month, read and reflected, and the supervision discussions that used it. Each column is suppressed with its total
/// shown, so a hidden cell cannot be worked out by subtraction.
/// </summary>
public class BriefingModel(PortalDbContext db, TimeProvider clock, ImpactReach reach, SmallNumbers smallNumbers) : ImpactPageModel(db, clock)
{
    public BriefingReachDetail Detail { get; private set; } = default!;

    public int Threshold => smallNumbers.Threshold;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        await ReadFilterAsync();
        var detail = await reach.BriefingAsync(slug, Filter, HttpContext.RequestAborted);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }

    /// <summary>Bars for the chart: suppressed figures are drawn as no bar and labelled as the table labels them.</summary>
    public static BarChart Chart(string id, string title, IEnumerable<(string Label, SuppressedCount Count)> bars) =>
        new(id, title, [.. bars]);

    public static string Percent(double? share) => share is { } s ? s.ToString("0%", System.Globalization.CultureInfo.InvariantCulture) : "-";
}

/// <summary>An SVG bar chart of suppressed counts: an id for its title and description, a title and the bars.</summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<(string Label, SuppressedCount Count)> Bars);
