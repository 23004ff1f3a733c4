using LearningPortal.Core.ActionPlans;
using LearningPortal.Web.Pages.Actions;

namespace LearningPortal.Web.Pages.Manage.Actions.Assurance;

/// <summary>
/// One request for Editors: every agency asked, whether and how it answered (with its narrative, evidence and history),
/// who has not; remind those who have not (once per click) and close the request.
/// </summary>
public class RequestModel(AssuranceRequests requests) : PageModel
{
    public AssuranceRequestDetail Detail { get; private set; } = default!;

    /// <summary>The reminder count the page showed; a reminder from an older page sends nothing.</summary>
    [BindProperty]
    public int Reminders { get; set; }

    public string? Conflict { get; private set; }

    public DateOnly Today => requests.Today;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRemindAsync(int id)
    {
        var result = await requests.RemindAsync(id, Reminders, await this.ActionActorAsync());
        switch (result.Refusal)
        {
            case Refusal.None:
                TempData["Success"] = $"Reminder sent to {result.Value} agency lead{(result.Value == 1 ? "" : "s")}";
                return RedirectToPage("/Manage/Actions/Assurance/Request", new { id });
            case Refusal.NotFound:
                return NotFound();
            case Refusal.Conflict:
                Conflict = result.Message;
                break;
            default:
                ModelState.AddRefusal(result, map: f => f);
                break;
        }

        ModelState.Remove(nameof(Reminders));
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCloseAsync(int id)
    {
        var result = await requests.CloseAsync(id, await this.ActionActorAsync());
        if (result.Refusal == Refusal.NotFound)
        {
            return NotFound();
        }

        TempData["Success"] = "Request closed: answers can no longer be changed";
        return RedirectToPage("/Manage/Actions/Assurance/Request", new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await requests.FindAsync(id) is not { } request)
        {
            return false;
        }

        Detail = request;
        Reminders = request.Reminders;
        return true;
    }
}
