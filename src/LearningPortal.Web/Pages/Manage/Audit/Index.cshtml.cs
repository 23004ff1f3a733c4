using LearningPortal.Core.Auditing;
using LearningPortal.Core.Time;

namespace LearningPortal.Web.Pages.Manage.Audit;

/// <summary>The audit log, newest first, filtered by action, subject and a range of UK dates.</summary>
public class IndexModel(PortalDbContext db, AuditLog audit) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? ActionType { get; set; }

    /// <summary>A user's name or email address, an agency's name, or the id of what was changed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateInput From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SelectListItem> ActionItems { get; private set; } = [];

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    public int TotalCount { get; private set; }

    public int TotalPages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        ActionItems = (await db.AuditEntries.Select(e => e.Action).Distinct().ToListAsync())
            .Order(StringComparer.Ordinal).Select(a => new SelectListItem(Describe(a), a)).ToList();

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(ActionType))
        {
            query = query.Where(e => e.Action == ActionType);
        }

        if (!string.IsNullOrWhiteSpace(Subject))
        {
            query = await WhereSubjectAsync(query, Subject.Trim());
        }

        var from = From.Read(ModelState, nameof(From), "From date", required: false);
        var to = To.Read(ModelState, nameof(To), "To date", required: false);
        if (from is not null && to is not null && to < from)
        {
            ModelState.AddModelError(nameof(To), "To date must be the same as or after the from date");
            to = null;
        }

        if (from is { } fromDate)
        {
            var start = UkTime.ToUtc(fromDate.ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.OccurredUtc >= start);
        }

        if (to is { } toDate)
        {
            // The whole of the last day, in UK time.
            var end = UkTime.ToUtc(toDate.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.OccurredUtc < end);
        }

        TotalCount = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, TotalPages);
        var entries = await query.OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        Rows = await DescribeSubjectsAsync(entries);
    }

    public string PageUrl(int pageNumber) =>
        Url.Page("/Manage/Audit/Index", new RouteValueDictionary
        {
            ["actionType"] = ActionType,
            ["subject"] = Subject,
            ["From.Day"] = From.Day,
            ["From.Month"] = From.Month,
            ["From.Year"] = From.Year,
            ["To.Day"] = To.Day,
            ["To.Month"] = To.Month,
            ["To.Year"] = To.Year,
            ["pageNumber"] = pageNumber,
        })!;

    /// <summary>"user.roles.changed" becomes "User roles changed".</summary>
    public static string Describe(string action) =>
        action.Length == 0 ? action : char.ToUpperInvariant(action[0]) + action[1..].Replace('.', ' ').Replace('_', ' ');

    private async Task<IQueryable<AuditEntry>> WhereSubjectAsync(IQueryable<AuditEntry> query, string subject)
    {
        var upper = subject.ToUpperInvariant();
#pragma warning disable CA1862 // EF translates ToUpper() to SQL; the StringComparison overloads are not translated.
        var userIds = await db.Users.Where(u => u.DisplayName.ToUpper().Contains(upper) || u.NormalizedEmail!.Contains(upper))
            .OrderBy(u => u.Id).Select(u => u.Id).Take(500).ToListAsync();
        var agencyIds = (await db.Agencies.Where(a => a.Name.ToUpper().Contains(upper)).Select(a => a.Id).ToListAsync())
            .Select(id => id.ToString()).ToList();
#pragma warning restore CA1862
        return query.Where(e => e.SubjectId == subject
            || (e.SubjectType == AdministrationAudit.UserSubject && userIds.Contains(e.SubjectId))
            || (e.SubjectType == AdministrationAudit.AgencySubject && agencyIds.Contains(e.SubjectId)));
    }

    private async Task<IReadOnlyList<AuditRow>> DescribeSubjectsAsync(List<AuditEntry> entries)
    {
        var userIds = entries.Where(e => e.SubjectType == AdministrationAudit.UserSubject).Select(e => e.SubjectId).Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName + " (" + u.Email + ")");
        var agencies = (await db.Agencies.ToListAsync()).ToDictionary(a => a.Id.ToString(), a => a.Name);
        var actorName = await audit.ActorNamesAsync(entries);
        return entries.Select(e =>
        {
            var (name, href) = e.SubjectType switch
            {
                AdministrationAudit.UserSubject when users.TryGetValue(e.SubjectId, out var user) => (user, Url.Page("/Manage/Users/Details", new { id = e.SubjectId })),
                AdministrationAudit.AgencySubject when agencies.TryGetValue(e.SubjectId, out var agency) => ($"{agency} (agency)", (string?)null),
                "media" => ($"Media file {e.SubjectId}", Url.Page("/Manage/Media/Item", new { id = e.SubjectId })),
                _ => ($"{e.SubjectType} {e.SubjectId}", null),
            };
            return new AuditRow(e.OccurredUtc, actorName(e), Describe(e.Action), name, href, e.Details);
        }).ToList();
    }

    public sealed record AuditRow(DateTime OccurredUtc, string Actor, string Action, string Subject, string? SubjectHref, string Details);
}
