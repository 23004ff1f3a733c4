using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// A change to your own account that asks for your password first (changing the password, deleting the account): the
/// form's checks, then the password, then the change.
/// </summary>
public abstract class PasswordConfirmedPageModel<TInput>(UserManager<PortalUser> users, AccountSignIn signIn) : PageModel
    where TInput : new()
{
    [BindProperty]
    public TInput Input { get; set; } = new();

    protected UserManager<PortalUser> Users => users;

    /// <summary>The password field: its key in the model state, what was typed, and what to say when it is wrong.</summary>
    protected abstract (string Field, string? Typed, string Wrong) Password { get; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (field, typed, wrong) = Password;
        if (!await signIn.ConfirmPasswordAsync(ModelState, field, user, typed, wrong))
        {
            return Page();
        }

        return await ChangeAsync(user);
    }

    /// <summary>Makes the change, the password being right.</summary>
    protected abstract Task<IActionResult> ChangeAsync(PortalUser user);
}
