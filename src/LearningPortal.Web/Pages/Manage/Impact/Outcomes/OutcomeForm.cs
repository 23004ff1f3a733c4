using LearningPortal.Core.Impact;

namespace LearningPortal.Web.Pages.Manage.Impact.Outcomes;

/// <summary>
/// The outcome figure form shared by adding and changing: what is measured, the quarter, the figure and its source,
/// checked on the server with GOV.UK errors in field order. Saving goes through <see cref="OutcomeMeasures"/>, which
/// audits it and refuses a second figure for the same measure and quarter or a change over someone else's.
/// </summary>
public abstract class OutcomeFormModel(OutcomeMeasures outcomes, CurrentActor actor) : PageModel
{
    protected OutcomeMeasures Outcomes { get; } = outcomes;

    [BindProperty]
    public string? Measure { get; set; }

    [BindProperty]
    public string? Year { get; set; }

    [BindProperty]
    public string? Quarter { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    /// <summary>The version the Editor opened (changing only), so a change by someone else meanwhile is caught.</summary>
    [BindProperty]
    public int? Version { get; set; }

    public ObjectiveName Objective { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> QuarterItems { get; } =
        [.. Enumerable.Range(1, 4).Select(q => new SelectListItem(Core.Impact.Quarters.Months(q), q.ToString(CultureInfo.InvariantCulture)))];

    /// <summary>The list of figures, at this objective's.</summary>
    public string ListUrl => Url.Page("/Manage/Impact/Outcomes/Index", null, null, null, null, $"objective-{Objective.Id}")!;

    protected async Task<bool> FindObjectiveAsync(Guid objective)
    {
        if (await Outcomes.ObjectiveAsync(objective, HttpContext.RequestAborted) is not { } found)
        {
            return false;
        }

        Objective = found;
        return true;
    }

    /// <summary>Checks the form and saves it (<paramref name="id"/> null adds); a redirect to the list when saved, else this page with errors.</summary>
    protected async Task<IActionResult> SaveAsync(int? id)
    {
        var input = Check();
        if (input is null)
        {
            return Page();
        }

        var (change, _) = await Outcomes.SaveAsync(input, id, Version, await actor.GetAsync(), HttpContext.RequestAborted);
        switch (change)
        {
            case OutcomeChange.Done:
                TempData["OutcomeSaved"] = $"{input.Measure.Trim()}, {Core.Impact.Quarters.Label(input.QuarterStart)}: saved";
                return RedirectToPage("/Manage/Impact/Outcomes/Index", null, $"objective-{Objective.Id}");
            case OutcomeChange.Duplicate:
                ModelState.AddModelError(nameof(Quarter), "There is already a figure for this measure and quarter. Change that figure instead");
                return Page();
            case OutcomeChange.Conflict:
                ModelState.AddModelError(nameof(Measure), "Someone else changed or deleted this figure while you were editing it. Go back to the list to see it as it is now");
                return Page();
            default:
                return NotFound();
        }
    }

    private OutcomeFigureInput? Check()
    {
        var measure = Measure?.Trim() ?? "";
        if (measure.Length == 0)
        {
            ModelState.AddModelError(nameof(Measure), "Enter what is measured");
        }
        else if (measure.Length > OutcomeMeasures.MeasureLength)
        {
            ModelState.AddModelError(nameof(Measure), $"What is measured must be {OutcomeMeasures.MeasureLength} characters or fewer");
        }

        int year = 0;
        if (string.IsNullOrWhiteSpace(Year))
        {
            ModelState.AddModelError(nameof(Year), "Enter the year");
        }
        else if (!int.TryParse(Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year))
        {
            ModelState.AddModelError(nameof(Year), "Year must be a number, for example 2026");
        }
        else if (year is < 2000 or > 2100)
        {
            ModelState.AddModelError(nameof(Year), "Year must be between 2000 and 2100");
        }

        if (!int.TryParse(Quarter, NumberStyles.None, CultureInfo.InvariantCulture, out var quarter) || quarter is < 1 or > 4)
        {
            ModelState.AddModelError(nameof(Quarter), "Select the quarter");
        }

        decimal value = 0;
        if (string.IsNullOrWhiteSpace(Value))
        {
            ModelState.AddModelError(nameof(Value), "Enter the figure");
        }
        else if (!decimal.TryParse(Value.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.GetCultureInfo("en-GB"), out value))
        {
            ModelState.AddModelError(nameof(Value), "The figure must be a number, like 42 or 3.5");
        }
        else if (Math.Abs(value) >= 1_000_000_000_000m || decimal.Round(value, 2) != value)
        {
            ModelState.AddModelError(nameof(Value), "The figure must be less than a million million, with no more than 2 decimal places");
        }

        var source = Source?.Trim() ?? "";
        if (source.Length == 0)
        {
            ModelState.AddModelError(nameof(Source), "Enter where the figure came from");
        }
        else if (source.Length > OutcomeMeasures.SourceLength)
        {
            ModelState.AddModelError(nameof(Source), $"Where the figure came from must be {OutcomeMeasures.SourceLength} characters or fewer");
        }

        return ModelState.IsValid ? new OutcomeFigureInput(Objective.Id, measure, Core.Impact.Quarters.Start(year, quarter), value, source) : null;
    }
}
