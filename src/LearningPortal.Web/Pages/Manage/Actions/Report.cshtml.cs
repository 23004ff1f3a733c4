using CsvHelper;
using LearningPortal.Core.ActionPlans;
using Microsoft.AspNetCore.Routing;

namespace LearningPortal.Web.Pages.Manage.Actions;

/// <summary>
/// The board report for the Neglect subgroup or the Executive, summary first: a line per plan with its counts by status
/// (overdue among them) and its changes in the period, totals, and assurance returns by agency and by request. Each
/// plan's detail is its own page (<see cref="ReportPlanModel"/>); every action is in the CSV at /manage/actions/report.csv.
/// </summary>
public class ReportModel(ActionReport reports) : ReportPeriodPageModel(reports)
{
    public BoardSummary Report { get; private set; } = default!;

    public Dictionary<string, string> PeriodRoute => ReportPeriod.Route(Report.Since, Report.Until);

    public async Task<IActionResult> OnGetAsync()
    {
        var (since, until) = ReadPeriod();

        // The report once took a plan; such a link now opens that plan's page.
        if (Period.Plan is { } plan && ModelState.IsValid)
        {
            return RedirectToPage("/Manage/Actions/ReportPlan", new RouteValueDictionary(ReportPeriod.Route(since, until)!) { ["id"] = plan });
        }

        Report = await Reports.SummaryAsync(since, until, HttpContext.RequestAborted);
        return Page();
    }
}

/// <summary>
/// /manage/actions/report.csv: every action (or one plan's, with Period.Plan) and every assurance return, written to
/// the response row by row as the database gives them, so the whole file is never in memory.
/// </summary>
public class ReportCsvModel(ActionReport reports) : ReportPeriodPageModel(reports)
{
    public async Task<IActionResult> OnGetAsync()
    {
        var (since, until) = ReadPeriod();
        var cancel = HttpContext.RequestAborted;
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"action-plans-{since:yyyy-MM-dd}-to-{until:yyyy-MM-dd}{(Period.Plan is { } p ? $"-plan-{p}" : "")}.csv\"";
        var options = CsvWriterOptions.Default with
        {
            Injection = CsvInjection.Escape,
            WriteByteOrderMark = true,
            FormatProvider = System.Globalization.CultureInfo.InvariantCulture,
        };
        await using (var csv = CsvWriter.Create(Response.Body, options, true))
        {
            await csv.WriteRecordsAsync(Reports.CsvRowsAsync(since, until, Period.Plan, cancel), cancel);
            await csv.FlushAsync(cancel);
        }

        return new EmptyResult();
    }
}
