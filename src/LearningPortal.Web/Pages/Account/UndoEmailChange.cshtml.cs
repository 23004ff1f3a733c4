using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// The link sent to the old address when an account's email address changes: asks to confirm (a GET changes nothing,
/// since mail scanners open links), then changes the address back, signs out everywhere and leads to choosing a new
/// password. Open to everyone: the person may be signed out, or shut out of their own account.
/// </summary>
[AllowAnonymous]
public class UndoEmailChangeModel(EmailChangeUndo undo, UserManager<PortalUser> users, PortalSignInManager signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    public bool LinkWorks { get; private set; }

    /// <summary>The address the account has now, and the one the link brings back.</summary>
    public string From { get; private set; } = "";

    public string To { get; private set; } = "";

    public UndoOutcome? Outcome { get; private set; }

    /// <summary>After an undo: the reset journey's link for the restored address.</summary>
    public string? ResetLink { get; private set; }

    public async Task OnGetAsync()
    {
        if (await undo.FindAsync(Key) is { } change && await users.FindByIdAsync(change.UserId) is { } user)
        {
            LinkWorks = true;
            From = user.Email ?? "";
            To = change.Email;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await undo.UndoAsync(Key);
        Outcome = result.Succeeded ? UndoOutcome.Undone : result.Reason as UndoOutcome? ?? UndoOutcome.LinkDoesNotWork;
        if (result is { Succeeded: true, Value: { User: var user, Email: var restored } })
        {
            if (users.GetUserId(User) is { } signedIn && signedIn == user.Id)
            {
                await signIn.SignOutAsync();
            }

            To = restored;
            var code = LinkCode.Encode(await users.GeneratePasswordResetTokenAsync(user));
            ResetLink = Url.Page("/Account/ResetPassword", new { userId = user.Id, code });
        }

        return Page();
    }
}
