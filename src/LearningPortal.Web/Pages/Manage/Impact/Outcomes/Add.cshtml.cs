using LearningPortal.Core.Impact;

namespace LearningPortal.Web.Pages.Manage.Impact.Outcomes;

/// <summary>/manage/impact/outcomes/{objective}/add: a new outcome figure for an objective.</summary>
public class AddModel(OutcomeMeasures outcomes, CurrentActor actor, TimeProvider clock) : OutcomeFormModel(outcomes, actor)
{
    public async Task<IActionResult> OnGetAsync(Guid objective)
    {
        if (!await FindObjectiveAsync(objective))
        {
            return NotFound();
        }

        // The quarter most often entered: the last one finished.
        var lastQuarter = Core.Impact.Quarters.Start(clock.GetUtcNow().Year, Core.Impact.Quarters.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))).AddMonths(-3);
        Year = lastQuarter.Year.ToString(CultureInfo.InvariantCulture);
        Quarter = Core.Impact.Quarters.Of(lastQuarter).ToString(CultureInfo.InvariantCulture);
        Measure = Request.Query["measure"].FirstOrDefault();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid objective) =>
        await FindObjectiveAsync(objective) ? await SaveAsync(null) : NotFound();
}
