using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// Change your password. Identity gives the account a new security stamp, which ends every other session
/// at its next check (Accounts:SessionRecheckInterval); this session is re-issued so it carries on.
/// </summary>
public class ChangePasswordModel(
    UserManager<PortalUser> users, SignInManager<PortalUser> signInManager, AccountSignIn signIn, PortalDbContext db, AccountEmails emails)
    : PasswordConfirmedPageModel<ChangePasswordInput>(users, signIn)
{
    protected override (string Field, string? Typed, string Wrong) Password => ("Input.CurrentPassword", Input.CurrentPassword, "Your current password is incorrect");

    protected override async Task<IActionResult> ChangeAsync(PortalUser user)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var changed = await Users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!changed.Succeeded)
        {
            ModelState.AddIdentityErrors(changed, "Input.NewPassword");
            return Page();
        }

        emails.QueuePasswordChanged(user);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await signInManager.RefreshSignInAsync(user);
        return RedirectToPage("Index", new { updated = "password" });
    }
}

public class ChangePasswordInput
{
    [Required(ErrorMessage = "Enter your current password")]
    public string? CurrentPassword { get; set; }

    [Required(ErrorMessage = "Enter a new password")]
    [PasswordLength]
    public string? NewPassword { get; set; }

    [Required(ErrorMessage = "Confirm your new password")]
    [Compare(nameof(NewPassword), ErrorMessage = "Passwords do not match")]
    public string? ConfirmNewPassword { get; set; }
}
