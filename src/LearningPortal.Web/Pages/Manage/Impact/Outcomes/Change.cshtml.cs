using LearningPortal.Core.Impact;

namespace LearningPortal.Web.Pages.Manage.Impact.Outcomes;

/// <summary>/manage/impact/outcomes/{objective}/{id}: corrects an outcome figure (a change by someone else meanwhile is refused).</summary>
public class ChangeModel(OutcomeMeasures outcomes, CurrentActor actor) : OutcomeFormModel(outcomes, actor)
{
    public int FigureId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid objective, int id)
    {
        if (!await FindObjectiveAsync(objective) || await Outcomes.FindAsync(objective, id, HttpContext.RequestAborted) is not { } figure)
        {
            return NotFound();
        }

        FigureId = id;
        Measure = figure.Measure;
        Year = figure.QuarterStart.Year.ToString(CultureInfo.InvariantCulture);
        Quarter = Core.Impact.Quarters.Of(figure.QuarterStart).ToString(CultureInfo.InvariantCulture);
        Value = figure.Value.ToString("0.##", CultureInfo.InvariantCulture);
        Source = figure.Source;
        Version = figure.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid objective, int id)
    {
        FigureId = id;
        return await FindObjectiveAsync(objective) ? await SaveAsync(id) : NotFound();
    }
}
