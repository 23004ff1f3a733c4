using LearningPortal.Core.ActionPlans;
using LearningPortal.Web.Pages.Actions;

namespace LearningPortal.Web.Pages.Manage.Actions;

/// <summary>Changes a plan's title, whether its progress is public, and the Editors who own it.</summary>
public class ChangePlanModel(ActionPlanning planning, ActionChoices choices, PortalDbContext db) : PageModel
{
    [BindProperty]
    public PlanForm Input { get; set; } = new();

    public PlanChoices Choices { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.ActionPlans.AsNoTracking().Include(p => p.Editors).SingleOrDefaultAsync(p => p.Id == id) is not { } plan)
        {
            return NotFound();
        }

        Input = new PlanForm { Title = plan.Title, IsPublic = plan.IsPublic ? "yes" : "no", EditorIds = plan.Editors.Select(e => e.UserId).ToList() };
        Choices = await PlanChoices.LoadAsync(choices);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var result = await planning.ChangePlanAsync(id, Input.ToInput(), await this.ActionActorAsync());
        switch (result.Refusal)
        {
            case Refusal.NotFound:
                return NotFound();
            case Refusal.None:
                TempData["Success"] = "Plan changed";
                return RedirectToPage("/Manage/Actions/Plan", new { id });
            default:
                ModelState.AddRefusal(result, map: f => "Input." + f);
                Choices = await PlanChoices.LoadAsync(choices);
                return Page();
        }
    }
}
