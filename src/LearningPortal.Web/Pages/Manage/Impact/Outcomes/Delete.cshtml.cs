using LearningPortal.Core.Impact;

namespace LearningPortal.Web.Pages.Manage.Impact.Outcomes;

/// <summary>/manage/impact/outcomes/{objective}/{id}/delete: asks before deleting an outcome figure; the deletion is audited.</summary>
public class DeleteModel(OutcomeMeasures outcomes, CurrentActor actor) : PageModel
{
    public OutcomeFigure Figure { get; private set; } = default!;

    public ObjectiveName Objective { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid objective, int id)
    {
        if (!await LoadAsync(objective, id))
        {
            return NotFound();
        }

        Version = Figure.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid objective, int id)
    {
        if (!await LoadAsync(objective, id))
        {
            return NotFound();
        }

        switch (await outcomes.DeleteAsync(objective, id, Version, await actor.GetAsync(), HttpContext.RequestAborted))
        {
            case OutcomeChange.Done:
                TempData["OutcomeSaved"] = $"{Figure.Measure}, {Quarters.Label(Figure.QuarterStart)}: deleted";
                return RedirectToPage("/Manage/Impact/Outcomes/Index", null, $"objective-{objective}");
            case OutcomeChange.Conflict:
                ModelState.AddModelError(nameof(Version), "Someone else changed this figure since you opened it. Check the figure below before deleting it");
                Version = Figure.Version;
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid objective, int id)
    {
        var cancel = HttpContext.RequestAborted;
        if (await outcomes.ObjectiveAsync(objective, cancel) is not { } found || await outcomes.FindAsync(objective, id, cancel) is not { } figure)
        {
            return false;
        }

        (Objective, Figure) = (found, figure);
        return true;
    }
}
