using LearningPortal.Core.Auditing;

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

    protected async Task<IActionResult> AfterChangeAsync(Outcome<AccountChange> result, string id, string successMessage, string errorKey = "")
    {
        switch (result.Refusal)
        {
            case Refusal.None:
                if (result.Value == AccountChange.Changed)
                {
                    TempData["Success"] = successMessage;
                }

                return RedirectToPage("/Manage/Users/Details", new { id });
            case Refusal.Conflict:
                // Show what is saved now, not the administrator's choices made against an out-of-date page.
                ModelState.Clear();
                ModelState.AddRefusal(result);
                return await ShowFormAsync(id);
            case Refusal.NotFound:
                return NotFound();
            default:
                ModelState.AddRefusal(result, map: _ => errorKey);
                return await LoadAsync(id) ? Page() : NotFound();
        }
    }
}
