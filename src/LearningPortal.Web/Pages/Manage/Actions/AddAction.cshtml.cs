using LearningPortal.Core.ActionPlans;
using LearningPortal.Web.Pages.Actions;

namespace LearningPortal.Web.Pages.Manage.Actions;

/// <summary>Adds an action to a plan. A due date in the past is shown back for confirmation, not refused.</summary>
public class AddActionModel(ActionPlanning planning, ActionChoices choices, PortalDbContext db) : PageModel
{
    [BindProperty]
    public ActionForm Input { get; set; } = new();

    public ActionPlan Plan { get; private set; } = default!;

    public ActionFormChoices Choices { get; private set; } = default!;

    /// <summary>The warning to confirm (a due date in the past), when there is one.</summary>
    public string? Confirm { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var input = Input.ToInput();
        var confirmed = PastDueDate.IsConfirmed(input.DueOn, Input.ConfirmedDueOn);
        var result = await planning.AddActionAsync(id, input, confirmed, await this.ActionActorAsync());
        switch (result.Refusal)
        {
            case Refusal.None:
                TempData["Success"] = "Action added";
                return RedirectToPage("/Manage/Actions/Plan", new { id });
            case Refusal.NeedsConfirmation:
                Confirm = result.Message;
                Input.ConfirmedDueOn = PastDueDate.Warned(ModelState, "Input.ConfirmedDueOn", input.DueOn!.Value);
                return Page();
            case Refusal.NotFound:
                return NotFound();
            default:
                ModelState.AddRefusal(result, map: ActionForm.FieldName);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await db.ActionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id) is not { } plan)
        {
            return false;
        }

        Plan = plan;
        Choices = await ActionFormChoices.LoadAsync(choices, planning, plan.DocumentId);
        return true;
    }
}
