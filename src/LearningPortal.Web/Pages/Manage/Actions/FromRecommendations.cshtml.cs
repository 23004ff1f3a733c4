using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Web.Pages.Actions;
using LearningPortal.Web.Training;

namespace LearningPortal.Web.Pages.Manage.Actions;

/// <summary>
/// "Turn this briefing's recommendations into actions": one action for each recommendation no action answers yet,
/// with one owner and due date; leads are chosen afterwards, action by action.
/// </summary>
public class FromRecommendationsModel(ActionPlanning planning, ActionChoices choices, PortalDbContext db) : PageModel
{
    [BindProperty]
    public string? Owner { get; set; }

    [BindProperty]
    public DateInput DueOn { get; set; } = new();

    [BindProperty]
    public string? ConfirmedDueOn { get; set; }

    public ActionPlan Plan { get; private set; } = default!;

    public IReadOnlyList<RecommendationField> Unanswered { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Owners { get; private set; } = [];

    public string? Confirm { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var owner = ActionQueries.ParseOwner(Owner);
        var due = DueOn.ToDate();
        var confirmed = PastDueDate.IsConfirmed(due, ConfirmedDueOn);
        var result = await planning.ActionsFromRecommendationsAsync(id, owner is { IsAgency: true } ? owner.Value.Id : null,
            owner is { IsAgency: false } ? owner.Value.Id : null, due, confirmed, await this.ActionActorAsync());
        switch (result.Refusal)
        {
            case Refusal.None:
                TempData["Success"] = result.Value == 1 ? "1 action added" : $"{result.Value} actions added";
                return RedirectToPage("/Manage/Actions/Plan", new { id });
            case Refusal.NeedsConfirmation:
                Confirm = result.Message;
                ConfirmedDueOn = PastDueDate.Warned(ModelState, nameof(ConfirmedDueOn), due!.Value);
                return Page();
            case Refusal.NotFound:
                return NotFound();
            default:
                ModelState.AddRefusal(result, map: f => f switch { nameof(ActionInput.DueOn) => nameof(DueOn), _ => f });
                return Page();
        }
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await db.ActionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.DocumentId != null) is not { } plan)
        {
            return false;
        }

        Plan = plan;
        var answered = await db.PlanActions.Where(a => a.PlanId == id && a.RecommendationId != null).Select(a => a.RecommendationId!.Value).ToListAsync();
        Unanswered = (await planning.RecommendationsAsync(plan.DocumentId!.Value)).Where(r => !answered.Contains(r.Id)).ToList();
        Owners = (await choices.OwnersAsync()).Select(o => new SelectListItem(o.Name, o.Value)).ToList();
        return true;
    }
}
