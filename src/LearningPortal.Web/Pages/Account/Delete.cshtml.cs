using LearningPortal.Core.Auditing;
using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// Delete your own account after entering the password again. The audit entry and the goodbye email are
/// saved in the same SaveChanges as the deletion; the audit log keeps the account's id, not the name.
/// </summary>
public class DeleteModel(
    UserManager<PortalUser> users, SignInManager<PortalUser> signInManager, AccountSignIn signIn, AuditLog audit, AccountEmails emails)
    : PasswordConfirmedPageModel<DeleteAccountInput>(users, signIn)
{
    protected override (string Field, string? Typed, string Wrong) Password => ("Input.Password", Input.Password, "Your password is incorrect");

    protected override async Task<IActionResult> ChangeAsync(PortalUser user)
    {
        audit.Record(user.Id, "Account holder", "user.deleted", "user", user.Id, "Account deleted by its holder");
        emails.QueueAccountDeleted(user);
        var deleted = await Users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            throw new InvalidOperationException("Could not delete account: " + string.Join("; ", deleted.Errors.Select(e => e.Description)));
        }

        await signInManager.SignOutAsync();
        return RedirectToPage("Deleted");
    }
}

public class DeleteAccountInput
{
    [Required(ErrorMessage = "Enter your password")]
    public string? Password { get; set; }
}
