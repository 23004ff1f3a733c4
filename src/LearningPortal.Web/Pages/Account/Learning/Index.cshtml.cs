using System.Security.Claims;
using LearningPortal.Core.Impact;

namespace LearningPortal.Web.Pages.Account.Learning;

/// <summary>
/// /account/learning: the person's own learning record, for all time or one Social Work England registration year
/// (<c>?year=2026</c> is 1 December 2025 to 30 November 2026), with a CSV (<c>?handler=Csv</c>) and a printable CPD log.
/// Only ever the signed-in person's own entries.
/// </summary>
public class IndexModel(LearningRecord record) : PageModel
{
    public const string NoticeKey = "LearningNotice";

    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    public LearningPeriod? Period { get; private set; }

    public IReadOnlyList<LearningEntry> Entries { get; private set; } = [];

    public LearningTotals Totals { get; private set; } = new(0, 0, 0, 0);

    public IReadOnlyList<int> Years { get; private set; } = [];

    [TempData(Key = NoticeKey)]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await LoadAsync();
        Response.Headers.CacheControl = "no-store";
        var name = Period is null ? "learning-record.csv" : $"learning-record-{Period.To.Year}.csv";
        return File(LearningRecord.ToCsv(Entries), "text/csv; charset=utf-8", name);
    }

    internal async Task LoadAsync()
    {
        var all = await record.ListAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken: HttpContext.RequestAborted);
        Years = record.YearsOf(all);
        Period = Year is { } y && y is >= 1990 and <= 2200 ? LearningPeriod.RegistrationYear(y) : null;
        Entries = Period is null ? all : all.Where(e => Period.Contains(e.On)).ToList();
        Totals = LearningRecord.Totals(Entries);
    }
}

/// <summary>/account/learning/cpd-log: the same entries in full, laid out to print or save as PDF.</summary>
public class CpdLogModel(LearningRecord record) : IndexModel(record);
