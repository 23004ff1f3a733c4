using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// Follows the link sent to a new email address. Open to everyone because the link may be opened on
/// another device; the token is bound to the account and to the new address.
/// </summary>
[AllowAnonymous]
public class ConfirmEmailChangeModel(
    UserManager<PortalUser> users, SignInManager<PortalUser> signIn, PortalDbContext db, AccountEmails emails, EmailChangeUndo undo) : PageModel
{
    public bool Changed { get; private set; }

    public string NewEmail { get; private set; } = "";

    public async Task OnGetAsync(string? userId, string? email, string? code)
    {
        var token = LinkCode.Decode(code);
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null || string.IsNullOrWhiteSpace(email))
        {
            return;
        }

        var oldEmail = user.Email!;
        await using var transaction = await db.Database.BeginTransactionAsync();

        // The account signs in with its email address, so the user name follows it (saved by ChangeEmailAsync,
        // which also renews the security stamp and so ends other sessions).
        user.UserName = email;
        var result = await users.ChangeEmailAsync(user, email, token);
        if (!result.Succeeded)
        {
            return;
        }

        // The old address stays the person's own (it can never be given as their line manager), and its owner can undo
        // the change for 7 days with the link in this email.
        emails.QueueEmailChanged(oldEmail, user.DisplayName, email, undo.RecordChange(user, oldEmail, email));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        if (users.GetUserId(User) == user.Id)
        {
            await signIn.RefreshSignInAsync(user);
        }

        Changed = true;
        NewEmail = email;
    }
}
