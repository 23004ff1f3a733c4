using LearningPortal.Core.ActionPlans;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Pages.Actions;

/// <summary>
/// A progress update by the action's lead or an Editor: what has happened, the status, evidence (words, links, files;
/// <see cref="EvidenceFormPageModel"/>). "Done" needs a closing note and evidence.
/// </summary>
public class UpdateModel(ActionQueries queries, ActionProgress progress, IOptionsMonitor<ActionPlanOptions> options) : EvidenceFormPageModel(options)
{
    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public ActionDetail Action { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> Statuses { get; } = ActionPages.Statuses.Select(s => new SelectListItem(s.Text, s.Value)).ToList();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Version = Action.Version;
        Status = Action.Status.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!Enum.TryParse<PlanActionStatus>(Status, out var status) || !Enum.IsDefined(status))
        {
            ModelState.AddModelError(nameof(Status), "Select the status of the action");
            return Page();
        }

        if (NeedsIdentifyingPrompt(("What has happened", nameof(Text), Text), ("Evidence", nameof(Evidence), Evidence)))
        {
            return Page();
        }

        var files = await ReadFilesAsync();

        var result = await progress.AddUpdateAsync(id, new UpdateInput(Text, Evidence, Links, status, files), Version, await this.ActionActorAsync());
        switch (result.Refusal)
        {
            case Refusal.None:
                TempData["Success"] = status == PlanActionStatus.Done && Action.Status != PlanActionStatus.Done ? "Action marked as done" : "Update added";
                return RedirectToPage(User.IsInRole(PortalRoles.Editor) && Action.LeadUserId != User.UserId() ? "/Manage/Actions/Action" : "/Actions/Action", new { id });
            case Refusal.NotFound:
                return NotFound();
            case Refusal.Conflict:
                return ShowConflict(result.Message, Action.Version);
            default:
                ModelState.AddRefusal(result, map: f => f);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await queries.FindAsync(id, User.UserId(), User.IsInRole(PortalRoles.Editor)) is not { } action)
        {
            return false;
        }

        Action = action;
        return true;
    }
}
