using LearningPortal.Core.Auditing;
using LearningPortal.Core.Accounts;
using LearningPortal.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Web.Pages.Manage.Users;

/// <summary>
/// What the pages that change one account share: loading the account, and what to show after a change
/// (the account with a success banner, the same page with the reason a rule refused it, or the account's
/// current values when someone else changed it first).
/// </summary>
public abstract class UserChangePageModel(PortalDbContext db) : PageModel
{
    public PortalUser Subject { get; private set; } = default!;

    protected PortalDbContext Db { get; } = db;

    /// <summary>The account's URL, which each change page goes back to.</summary>
    public string SubjectUrl => $"/manage/users/{Subject.Id}";

    /// <summary>Loads the account (and whatever else the form shows); false when there is no such account.</summary>
    protected virtual async Task<bool> LoadAsync(string id)
    {
        var user = await Db.Users.AsNoTracking().Include(u => u.Agency).SingleOrDefaultAsync(u => u.Id == id);
        if (user is null)
        {
            return false;
        }

        Subject = user;
        return true;
    }

    /// <summary>Fills the form from the account as it is now, including its concurrency stamp.</summary>
    protected abstract Task FillFromSubjectAsync();

    protected async Task<IActionResult> ShowFormAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await FillFromSubjectAsync();
        return Page();
    }

    protected async Task<IActionResult> AfterChangeAsync(ChangeResult result, string id, string successMessage, string errorKey = "")
    {
        switch (result.Outcome)
        {
            case ChangeOutcome.Done:
                TempData["Success"] = successMessage;
                return Redirect($"/manage/users/{id}");
            case ChangeOutcome.NoChange:
                return Redirect($"/manage/users/{id}");
            case ChangeOutcome.Conflict:
                // Show what is saved now, not the administrator's choices made against an out-of-date page.
                ModelState.Clear();
                ModelState.AddModelError("", result.Message!);
                return await ShowFormAsync(id);
            case ChangeOutcome.Refused:
                ModelState.AddModelError(errorKey, result.Message!);
                return await LoadAsync(id) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }
}
