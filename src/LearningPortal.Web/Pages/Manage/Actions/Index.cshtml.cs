using LearningPortal.Core.ActionPlans;
using LearningPortal.Web.Training;

namespace LearningPortal.Web.Pages.Manage.Actions;

/// <summary>Every action of every plan, paged, filtered by plan, briefing, objective, owner, status and due date.</summary>
public class IndexModel(ActionQueries queries, ActionChoices choices) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Plan { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Briefing { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Objective { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    [BindProperty(SupportsGet = true)]
    public ActionStanding? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateInput DueFrom { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput DueTo { get; set; } = new();

    /// <summary>
    /// The page asked for (?page=N). Read from the query itself: "page" is also Razor Pages' own route value (the page's
    /// path), which model binding would try first and fail to read as a number, leaving every request on page 1.
    /// </summary>
    public int PageNumber { get; private set; } = 1;

    public ActionPage Results { get; private set; } = new([], 0, 1, 1);

    public IReadOnlyList<SelectListItem> Plans { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Briefings { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Objectives { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Owners { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Statuses { get; } =
        Enum.GetValues<ActionStanding>().Select(s => new SelectListItem(ActionWords.Of(s), s.ToString())).ToList();

    public async Task OnGetAsync()
    {
        PageNumber = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        Plans = (await choices.PlansAsync()).Select(p => new SelectListItem(p.Title, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Briefings = (await choices.BriefingsAsync()).Select(b => new SelectListItem(b.Title, b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Objectives = (await choices.ObjectivesAsync()).Select(o => new SelectListItem($"{o.Number}. {o.Title}" + (o.IsCurrent ? "" : " (no longer in the strategy)"), o.Id.ToString())).ToList();
        Owners = (await choices.OwnersAsync()).Select(o => new SelectListItem(o.Name, o.Value)).ToList();
        var from = ReadDate(DueFrom, nameof(DueFrom), "Due from");
        var to = ReadDate(DueTo, nameof(DueTo), "Due to");
        if (from is not null && to is not null && to < from)
        {
            ModelState.AddModelError(nameof(DueTo), "Due to must be the same as or after due from");
            to = null;
        }

        Results = await queries.ListAsync(new ActionFilter(Briefing, Objective, Owner, Status, from, to, Plan), PageNumber);
    }

    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["plan"] = Plan?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["briefing"] = Briefing?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["objective"] = Objective?.ToString(),
            ["owner"] = Owner,
            ["status"] = Status?.ToString(),
            ["DueFrom.Day"] = DueFrom.Day?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DueFrom.Month"] = DueFrom.Month?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DueFrom.Year"] = DueFrom.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DueTo.Day"] = DueTo.Day?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DueTo.Month"] = DueTo.Month?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DueTo.Year"] = DueTo.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/manage/actions", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    private DateOnly? ReadDate(DateInput parts, string key, string label)
    {
        if (parts.IsEmpty)
        {
            return null;
        }

        if (parts.ToDate() is { } date)
        {
            return date;
        }

        ModelState.AddModelError(key, $"{label} must be a real date");
        return null;
    }
}
