using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningPortal.Web.Pages.Manage.Actions;

/// <summary>
/// The board report for the Neglect subgroup or the Executive: every plan with its counts and actions, what changed in
/// the period, what is overdue and why (the latest update). Printable on A4; the same as CSV at /manage/actions/report.csv.
/// </summary>
public class ReportModel(ActionReport reports, ActionQueries queries, ActionChoices choices) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ReportPeriod Period { get; set; } = new();

    public BoardReport Report { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> Plans { get; private set; } = [];

    public string CsvLink => "/manage/actions/report.csv" + Request.QueryString;

    public async Task OnGetAsync()
    {
        Plans = (await choices.PlansAsync()).Select(p => new SelectListItem(p.Title, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var (since, until) = Period.Read(queries.Today, ModelState, "Period.");
        Report = await reports.BuildAsync(since, until, Period.Plan);
    }
}

/// <summary>/manage/actions/report.csv: the board report as one row per action.</summary>
public class ReportCsvModel(ActionReport reports, ActionQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ReportPeriod Period { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var (since, until) = Period.Read(queries.Today, ModelState, "Period.");
        var report = await reports.BuildAsync(since, until, Period.Plan);
        return File(TrainingReports.ToCsv(ActionReport.CsvRows(report)), "text/csv; charset=utf-8", $"action-plans-{since:yyyy-MM-dd}-to-{until:yyyy-MM-dd}.csv");
    }
}
