using LearningPortal.Core.ActionPlans;

namespace LearningPortal.Web.Pages.Manage.Actions;

/// <summary>
/// One plan in the board report, for the same period as the summary that links to it: its counts, what is overdue and
/// why (the latest update), what changed in the period, every action, and the returns to assurance requests about its
/// actions. Printable on A4 on its own; the same actions as CSV at /manage/actions/report.csv with the plan chosen.
/// </summary>
public class ReportPlanModel(ActionReport reports) : ReportPeriodPageModel(reports)
{
    public PlanReport Report { get; private set; } = default!;

    public Dictionary<string, string> PeriodRoute => ReportPeriod.Route(Report.Since, Report.Until);

    public Dictionary<string, string> CsvRoute => ReportPeriod.Route(Report.Since, Report.Until, Report.PlanId);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var (since, until) = ReadPeriod();
        if (await Reports.PlanAsync(id, since, until, HttpContext.RequestAborted) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }
}
