using LearningPortal.Core.Impact;

namespace LearningPortal.Web.Pages.Manage.Impact.Outcomes;

/// <summary>
/// /manage/impact/outcomes: every strategic objective with the outcome figures Editors entered for it, a chart and a
/// table per measure by quarter, and links to add, change or delete them. ?handler=Csv downloads every figure.
/// </summary>
public class IndexModel(OutcomeMeasures outcomes) : PageModel
{
    public IReadOnlyList<(ObjectiveName Objective, IReadOnlyList<OutcomeFigure> Figures)> Objectives { get; private set; } = [];

    public async Task OnGetAsync() => Objectives = await LoadAsync();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var objectives = await LoadAsync();
        return ImpactCsv.File(this, "outcome-measures.csv", ["Objective", "Measure", "Quarter", "Quarter starts", "Figure", "Source"],
            objectives.SelectMany(o => o.Figures.Select(f => new[]
            {
                $"{o.Objective.Number}. {o.Objective.Title}", f.Measure, Quarters.Label(f.QuarterStart), $"{f.QuarterStart:yyyy-MM-dd}",
                f.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), f.Source,
            })));
    }

    private async Task<List<(ObjectiveName Objective, IReadOnlyList<OutcomeFigure> Figures)>> LoadAsync()
    {
        var cancel = HttpContext.RequestAborted;
        var list = new List<(ObjectiveName Objective, IReadOnlyList<OutcomeFigure> Figures)>();
        foreach (var objective in await outcomes.ObjectivesAsync(cancel))
        {
            list.Add((objective, await outcomes.ListAsync(objective.Id, cancel)));
        }

        return list;
    }
}
