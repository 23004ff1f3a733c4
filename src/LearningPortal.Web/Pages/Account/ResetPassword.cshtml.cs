using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// Chooses a new password from the emailed link. Following the link proves the person reads the account's
/// mailbox, so it also confirms the address and lifts a lockout.
/// </summary>
[AllowAnonymous]
public class ResetPasswordModel(UserManager<PortalUser> users, PortalDbContext db, AccountEmails emails) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public bool LinkWorks { get; private set; }

    public async Task OnGetAsync() => LinkWorks = await FindUserAsync() is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await FindUserAsync();
        LinkWorks = user is not null;
        if (user is null || !ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        user.EmailConfirmed = true; // saved by the reset below, and only if the reset succeeds
        var reset = await users.ResetPasswordAsync(user, LinkCode.Decode(Code)!, Input.Password!);
        if (!reset.Succeeded)
        {
            ModelState.AddIdentityErrors(reset, "Input.Password");
            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        emails.QueuePasswordChanged(user);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return RedirectToPage("PasswordResetComplete");
    }

    private async Task<PortalUser?> FindUserAsync()
    {
        var token = LinkCode.Decode(Code);
        var user = string.IsNullOrEmpty(UserId) || token is null ? null : await users.FindByIdAsync(UserId);
        var valid = user is not null && await users.VerifyUserTokenAsync(
            user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, token!);
        return valid ? user : null;
    }
}

/// <summary>A new password, typed twice.</summary>
public class NewPasswordInput
{
    [Required(ErrorMessage = "Enter a new password")]
    [PasswordLength]
    public string? Password { get; set; }

    [Required(ErrorMessage = "Confirm your new password")]
    [Compare(nameof(Password), ErrorMessage = "Passwords do not match")]
    public string? ConfirmPassword { get; set; }
}
