using System.ComponentModel.DataAnnotations;
using LearningPortal.Core.Accounts;
using LearningPortal.Core.Data;
using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// Change your password. Identity gives the account a new security stamp, which ends every other session
/// at its next check (Accounts:SessionRecheckInterval); this session is re-issued so it carries on.
/// </summary>
public class ChangePasswordModel(
    UserManager<PortalUser> users, SignInManager<PortalUser> signInManager, AccountSignIn signIn, PortalDbContext db, AccountEmails emails) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

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

        if (!await signIn.ConfirmPasswordAsync(ModelState, "Input.CurrentPassword", user, Input.CurrentPassword, "Your current password is incorrect"))
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var changed = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
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
