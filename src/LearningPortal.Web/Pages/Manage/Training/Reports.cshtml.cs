using LearningPortal.Core.Time;
using LearningPortal.Core.Training;

namespace LearningPortal.Web.Pages.Manage.Training;

/// <summary>Reports by agency and date range (bookings, attendance, no-shows, cancellations, charges), on screen and as CSV.</summary>
public class ReportsModel(PortalDbContext db, TrainingReports reports, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateInput From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? AgencyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public TrainingReport? Report { get; set; }

    public IReadOnlyList<SelectListItem> Agencies { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Reports { get; } =
    [
        new("Bookings", nameof(TrainingReport.Bookings)),
        new("Attendance", nameof(TrainingReport.Attendance)),
        new("No-shows", nameof(TrainingReport.NoShows)),
        new("Cancellations", nameof(TrainingReport.Cancellations)),
        new("Non-attendance charges", nameof(TrainingReport.Charges)),
    ];

    public IReadOnlyList<AgencySummaryRow> Summary { get; private set; } = [];

    public IReadOnlyList<BookingReportRow> Rows { get; private set; } = [];

    public IReadOnlyList<ChargeReportRow> Charges { get; private set; } = [];

    public string CsvLink { get; private set; } = "";

    public bool HasResults { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAgenciesAsync();
        if (Filter(validate: Request.Query.Count > 0) is not { } filter)
        {
            return;
        }

        Summary = await reports.SummaryByAgencyAsync(filter);
        if (Report == TrainingReport.Charges)
        {
            Charges = await reports.ChargeRowsAsync(filter);
        }
        else
        {
            Rows = await reports.BookingRowsAsync(Report!.Value, filter);
        }

        HasResults = true;
        CsvLink = "/manage/training/reports?handler=Csv&" + string.Join("&", Request.Query.Where(q => q.Key != "handler").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}"));
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (Filter(validate: true) is not { } filter)
        {
            return BadRequest();
        }

        var csv = Report == TrainingReport.Charges
            ? TrainingReports.ToCsv(await reports.ChargeRowsAsync(filter))
            : TrainingReports.ToCsv(await reports.BookingRowsAsync(Report!.Value, filter));
        return File(csv, "text/csv; charset=utf-8", $"training-{Report.ToString()!.ToLowerInvariant()}-{filter.From:yyyy-MM-dd}-to-{filter.To:yyyy-MM-dd}.csv");
    }

    private ReportFilter? Filter(bool validate)
    {
        if (!validate)
        {
            // First visit: this month so far.
            var today = DateOnly.FromDateTime(UkTime.FromUtc(clock.GetUtcNow().UtcDateTime));
            From = DateInput.From(new DateOnly(today.Year, today.Month, 1));
            To = DateInput.From(today);
            Report = TrainingReport.Bookings;
            return null;
        }

        var from = From.ToDate();
        var to = To.ToDate();
        if (from is null)
        {
            ModelState.AddModelError(nameof(From), "Enter a real start date");
        }

        if (to is null)
        {
            ModelState.AddModelError(nameof(To), "Enter a real end date");
        }
        else if (from is not null && to < from)
        {
            ModelState.AddModelError(nameof(To), "The end date must be the same as or after the start date");
        }

        if (Report is null)
        {
            ModelState.AddModelError(nameof(Report), "Select a report");
        }

        return ModelState.IsValid ? new ReportFilter(from!.Value, to!.Value, AgencyId) : null;
    }

    private async Task LoadAgenciesAsync() =>
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync();
}
