using LearningPortal.Core.Accounts;
using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using LearningPortal.Web.Forms;
using LearningPortal.Web.Pages.Manage.Media;
using LearningPortal.Web.Pages.Supervision;
using LearningPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Pages.Actions;

/// <summary>
/// A progress update by the action's lead or an Editor: what has happened, the status, evidence (words, links, files).
/// "Done" needs a closing note and evidence. Text that looks like it identifies a child or family is shown back once
/// (a prompt, as in supervision records). If someone else changed the action meanwhile, nothing is saved and the form
/// keeps what was typed (files must be chosen again: browsers never refill file inputs).
/// </summary>
[MediaUploadLimits]
public class UpdateModel(ActionQueries queries, ActionProgress progress, IOptionsMonitor<ActionPlanOptions> options) : PageModel
{
    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    [BindProperty]
    public string? Links { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The fingerprint of text already shown as possibly identifying.</summary>
    [BindProperty]
    public string? CheckedText { get; set; }

    public ActionDetail Action { get; private set; } = default!;

    public IReadOnlyList<FlaggedField> Flagged { get; private set; } = [];

    public string? Conflict { get; private set; }

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

        Flagged = IdentifyingCheck.Find([("What has happened", nameof(Text), Text), ("Evidence", nameof(Evidence), Evidence)]);
        if (IdentifyingCheck.NeedsWarning(Flagged, CheckedText))
        {
            CheckedText = IdentifyingCheck.Fingerprint(Flagged);
            ModelState.Remove(nameof(CheckedText));
            return Page();
        }

        var files = await EvidenceFiles.ReadAsync(Files, options.CurrentValue);

        var result = await progress.AddUpdateAsync(id, new UpdateInput(Text, Evidence, Links, status, files), Version, await this.ActionActorAsync());
        switch (result.Refusal)
        {
            case Refusal.None:
                TempData["Success"] = status == PlanActionStatus.Done && Action.Status != PlanActionStatus.Done ? "Action marked as done" : "Update added";
                return RedirectToPage(User.IsInRole(PortalRoles.Editor) && Action.LeadUserId != User.UserId() ? "/Manage/Actions/Action" : "/Actions/Action", new { id });
            case Refusal.NotFound:
                return NotFound();
            case Refusal.Conflict:
                Conflict = result.Message;
                ModelState.Remove(nameof(Version));
                Version = Action.Version;
                return Page();
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
