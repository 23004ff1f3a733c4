using System.Security.Claims;
using LearningPortal.Core.Impact;

namespace LearningPortal.Web.Pages.Account.Learning;

/// <summary>/account/learning/{id}/delete: confirm, then delete learning the person added.</summary>
public class DeleteModel(LearningRecord record) : PageModel
{
    public LearningActivity Activity { get; private set; } = default!;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await record.FindActivityAsync(UserId, id, HttpContext.RequestAborted) is not { } activity)
        {
            return NotFound();
        }

        Activity = activity;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await record.FindActivityAsync(UserId, id, HttpContext.RequestAborted) is not { } activity
            || !await record.DeleteActivityAsync(UserId, id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        TempData[IndexModel.NoticeKey] = $"‘{activity.Title}’ deleted from your learning record";
        return RedirectToPage("Index");
    }
}
