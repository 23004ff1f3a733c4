using LearningPortal.Core.ActionPlans;
using LearningPortal.Web.Pages.Actions;
using LearningPortal.Web.Training;

namespace LearningPortal.Web.Pages.Manage.Actions;

/// <summary>
/// Changes an action's details, lead, date or status (reopening a done action is a status change, logged). The form
/// carries the version it showed: if someone saved since, nothing is saved and the page says so.
/// </summary>
public class ChangeActionModel(ActionPlanning planning, ActionQueries queries, ActionChoices choices) : PageModel
{
    [BindProperty]
    public ActionForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public ActionDetail Action { get; private set; } = default!;

    public ActionFormChoices Choices { get; private set; } = default!;

    public string? Conflict { get; private set; }

    public IReadOnlyList<SelectListItem> StatusChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Version = Action.Version;
        Input = new ActionForm
        {
            RecommendationId = Action.RecommendationId?.ToString(),
            What = Action.What,
            PublicSummary = Action.PublicSummary,
            Owner = Action.OwnerAgencyId is { } a ? $"agency:{a}" : $"group:{Action.OwnerGroupId}",
            LeadUserId = Action.NeedsLead ? null : Action.LeadUserId,
            DueOn = DateInput.From(Action.DueOn),
            Status = Action.Status.ToString(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var result = await planning.ChangeActionAsync(id, Input.ToInput(), Version, await this.ActionActorAsync());
        switch (result.Refusal)
        {
            case Refusal.None:
                TempData["Success"] = "Action changed";
                return RedirectToPage("/Manage/Actions/Action", new { id });
            case Refusal.NotFound:
                return NotFound();
            case Refusal.Conflict:
                // Keep what they typed; the next save is against the version they can now see.
                Conflict = result.Message;
                ModelState.Remove(nameof(Version));
                Version = Action.Version;
                return Page();
            default:
                ModelState.AddRefusal(result, map: ActionForm.FieldName);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await queries.FindAsync(id, User.UserId(), viewerIsEditor: true) is not { } action)
        {
            return false;
        }

        Action = action;
        Choices = await ActionFormChoices.LoadAsync(choices, planning, action.DocumentId);
        // A done action keeps "Done" as a choice, so saving other changes does not reopen it.
        StatusChoices = action.Status == PlanActionStatus.Done
            ? ActionPages.Statuses.Select(s => new SelectListItem(s.Text, s.Value)).ToList()
            : ActionFormChoices.Statuses;

        return true;
    }
}
