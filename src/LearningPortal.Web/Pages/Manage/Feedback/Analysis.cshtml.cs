using System.Text;
using LearningPortal.Core.Feedback;
using LearningPortal.Core.Time;

namespace LearningPortal.Web.Pages.Manage.Feedback;

/// <summary>
/// /manage/feedback/{id}/analysis: responses and response rate, each question's distribution (chart and
/// table), scale means and medians, the confidence shift, comments with search and frequent words, the monthly
/// trend; filtered by dates, agency, briefing or session. ?handler=Csv exports the filtered answers.
/// </summary>
public class AnalysisModel(PortalDbContext db, FeedbackForms forms, FeedbackAnalysis analysis, FeedbackExport export) : PageModel
{
    public const int CommentsShown = 50;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Briefing { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Session { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public FeedbackForm Form { get; private set; } = default!;

    public FeedbackReport Report { get; private set; } = default!;

    public IReadOnlyList<Comment> Comments { get; private set; } = [];

    public int CommentCount { get; private set; }

    public IReadOnlyList<Bar> Words { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Agencies { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Briefings { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Sessions { get; private set; } = [];

    public FeedbackFilter Filter => new(From, To, Agency, Briefing, Session);

    /// <summary>The filter as a query string, for the export link.</summary>
    public string FilterQuery => string.Join('&', new[]
    {
        From is { } f ? $"from={f:yyyy-MM-dd}" : null,
        To is { } t ? $"to={t:yyyy-MM-dd}" : null,
        Agency is { } a ? $"agency={a}" : null,
        Briefing is { } b ? $"briefing={b}" : null,
        Session is { } s ? $"session={s}" : null,
    }.OfType<string>());

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var form = await forms.FindAsync(id, HttpContext.RequestAborted);
        if (form is null)
        {
            return NotFound();
        }

        Form = form;
        if (From is { } from && To is { } to && to < from)
        {
            ModelState.AddModelError(nameof(To), "The end date must be the same as or after the start date");
        }

        var filter = ModelState.IsValid ? Filter : new FeedbackFilter();
        var cancel = HttpContext.RequestAborted;
        Report = await analysis.AnalyseAsync(id, filter, cancel);
        Comments = await analysis.CommentsAsync(id, filter, Search, CommentsShown, cancel);
        CommentCount = await analysis.CountCommentsAsync(id, filter, Search, cancel);
        Words = await analysis.FrequentWordsAsync(id, filter, Search, 15, cancel);
        await LoadChoicesAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(int id)
    {
        var form = await forms.FindAsync(id, HttpContext.RequestAborted);
        if (form is null)
        {
            return NotFound();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{form.Slug}-responses.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await export.WriteCsvAsync(form, Filter, writer, HttpContext.RequestAborted);
        await writer.FlushAsync(HttpContext.RequestAborted);
        return new EmptyResult();
    }

    public static BarChartView TrendChart(IReadOnlyList<MonthCount> trend) =>
        new("chart-trend", "Responses by month", [.. trend.Select(t => new Bar(new DateTime(t.Year, t.Month, 1).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), t.Count))]);

    public static string Number(double? value) => value is { } v ? v.ToString("0.0#", CultureInfo.InvariantCulture) : "-";

    public static string Percent(double? value) => value is { } v ? v.ToString("0%", CultureInfo.InvariantCulture) : "-";

    private async Task LoadChoicesAsync(int id)
    {
        var cancel = HttpContext.RequestAborted;
        Agencies = [.. (await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).Select(a => new { a.Id, a.Name }).ToListAsync(cancel))
            .Select(a => new SelectListItem(a.Name, a.Id.ToString(CultureInfo.InvariantCulture), a.Id == Agency))];
        var documentIds = db.FeedbackResponses.Where(r => r.FormId == id && r.DocumentId != null).Select(r => r.DocumentId);
        Briefings = [.. (await db.Documents.AsNoTracking().Where(d => documentIds.Contains(d.Id)).OrderBy(d => d.Title).Select(d => new { d.Id, d.Title }).ToListAsync(cancel))
            .Select(d => new SelectListItem(d.Title, d.Id.ToString(CultureInfo.InvariantCulture), d.Id == Briefing))];
        var sessionIds = db.FeedbackResponses.Where(r => r.FormId == id && r.SessionId != null).Select(r => r.SessionId)
            .Union(db.FeedbackInvitations.Where(i => i.FormId == id).Select(i => (int?)i.SessionId));
        Sessions = [.. (await db.TrainingSessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id)).OrderByDescending(s => s.StartUtc)
                .Select(s => new { s.Id, s.Course.Title, s.StartUtc }).ToListAsync(cancel))
            .Select(s => new SelectListItem($"{s.Title}, {UkTime.FormatDate(s.StartUtc)}", s.Id.ToString(CultureInfo.InvariantCulture), s.Id == Session))];
    }
}
