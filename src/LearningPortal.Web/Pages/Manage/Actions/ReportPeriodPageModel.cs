using LearningPortal.Core.ActionPlans;

namespace LearningPortal.Web.Pages.Manage.Actions;

/// <summary>The board report's pages and CSV: the period they are for, from the query, with errors on the form.</summary>
public abstract class ReportPeriodPageModel(ActionReport reports) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ReportPeriod Period { get; set; } = new();

    protected ActionReport Reports => reports;

    /// <summary>The dates to report on (the default period where the input is wrong).</summary>
    protected (DateOnly Since, DateOnly Until) ReadPeriod() => Period.Read(reports.Today, ModelState, "Period.");
}
