using System.ComponentModel.DataAnnotations;
using LearningPortal.Core.Accounts;
using LearningPortal.Core.Auditing;
using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// Delete your own account after entering the password again. The audit entry and the goodbye email are
/// saved in the same SaveChanges as the deletion; the audit log keeps the account's id, not the name.
/// </summary>
public class DeleteModel(
    UserManager<PortalUser> users, SignInManager<PortalUser> signInManager, AccountSignIn signIn, AuditLog audit, AccountEmails emails) : PageModel
{
    [BindProperty]
    public DeleteAccountInput Input { get; set; } = new();

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

        if (!await signIn.ConfirmPasswordAsync(ModelState, "Input.Password", user, Input.Password))
        {
            return Page();
        }

        audit.Record(user.Id, "Account holder", "user.deleted", "user", user.Id, "Account deleted by its holder");
        emails.QueueAccountDeleted(user);
        var deleted = await users.DeleteAsync(user);
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
