using LearningPortal.Core.Impact;

namespace LearningPortal.Web.Pages.Manage.Impact;

/// <summary>
/// The filter every impact page shares: a period of whole months (From and To, "yyyy-MM"; the last 12 months
/// when not given) and optionally one agency. Checked on the server with errors in field order.
/// </summary>
public abstract class ImpactPageModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Agency { get; set; }

    public IReadOnlyList<SelectListItem> Agencies { get; private set; } = [];

    /// <summary>The period and agency the figures are for (the default period when the input is wrong).</summary>
    public ReachFilter Filter { get; private set; } = default!;

    /// <summary>The filter as route values, for links to the other impact pages.</summary>
    public Dictionary<string, string> FilterRoute => ImpactLinks.Route(Filter);

    public string PeriodText => Filter.FirstDay.Year == Filter.LastDay.Year && Filter.FirstDay.Month == Filter.LastDay.Month
        ? Month(Filter.FirstDay)
        : $"{Month(Filter.FirstDay)} to {Month(Filter.LastDay)}";

    public string? AgencyName => Agencies.FirstOrDefault(a => a.Selected)?.Text;

    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>Reads the filter, adding errors for months that are not real or in the wrong order.</summary>
    protected async Task ReadFilterAsync()
    {
        var today = Core.Time.UkTime.Today(clock.GetUtcNow().UtcDateTime);
        var defaultTo = new DateOnly(today.Year, today.Month, 1);
        var defaultFrom = defaultTo.AddMonths(-11);
        var from = ParseMonth(From, nameof(From), "Enter the start month as a year and month, for example 2026-04");
        var to = ParseMonth(To, nameof(To), "Enter the end month as a year and month, for example 2026-09");
        if (from is { } f && to is { } t && t < f)
        {
            ModelState.AddModelError(nameof(To), "The end month must be the same as or after the start month");
        }

        var cancel = HttpContext.RequestAborted;
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancel);
        if (Agency is { } chosen && agencies.All(a => a.Id != chosen))
        {
            ModelState.AddModelError(nameof(Agency), "Select an agency from the list");
        }

        Agencies = [.. agencies.Select(a => new SelectListItem(a.Name, a.Id.ToString(CultureInfo.InvariantCulture), a.Id == Agency))];
        Filter = ModelState.IsValid
            ? new ReachFilter(from ?? (to is { } only && only < defaultFrom ? only.AddMonths(-11) : defaultFrom), to ?? (from is { } start && start > defaultTo ? start : defaultTo), Agency)
            : new ReachFilter(defaultFrom, defaultTo, null);
        if (ModelState.IsValid)
        {
            From ??= $"{Filter.FirstDay:yyyy-MM}";
            To ??= $"{Filter.LastDay:yyyy-MM}";
        }
    }

    private DateOnly? ParseMonth(string? value, string field, string error)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year >= 2000)
        {
            return month;
        }

        ModelState.AddModelError(field, error);
        return null;
    }
}
