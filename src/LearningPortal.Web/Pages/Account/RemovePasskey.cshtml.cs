using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// Removes one of your passkeys, for example from a lost or replaced device. The account gets a new security stamp, so
/// sessions signed in elsewhere (perhaps with that device) end at their next check; this one carries on. Removing the
/// last second factor turns two-factor sign-in off, so, like turning the authenticator off, it needs the password, and
/// this session stops counting as two-factor.
/// </summary>
public class RemovePasskeyModel(
    UserManager<PortalUser> users, PortalSignInManager signInManager, AccountSignIn signIn, SecondFactorChanges changes, PortalDbContext db)
    : TwoFactorSettingsPageModel(users)
{
    [BindProperty]
    public string? Password { get; set; }

    public string PasskeyName { get; private set; } = "";

    public DateTime AddedUtc { get; private set; }

    /// <summary>No authenticator app and no other passkey: removing this one turns two-factor sign-in off.</summary>
    public bool IsLastSecondFactor { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id) =>
        await LoadAsync(id) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await LoadAsync(id) is not { } passkey)
        {
            return NotFound();
        }

        if (IsLastSecondFactor && !await signIn.ConfirmPasswordAsync(ModelState, nameof(Password), Account, Password))
        {
            return Page();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Succeeded(await Users.RemovePasskeyAsync(Account, passkey.CredentialId));
            Succeeded(await Users.UpdateSecurityStampAsync(Account));
            changes.PasskeyRemoved(Account, PasskeyName, twoFactorOff: IsLastSecondFactor);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await signInManager.RefreshAfterSecondFactorChangeAsync(Account);
        return RedirectToPage("TwoFactor", new { updated = IsLastSecondFactor ? "passkey-removed-off" : "passkey-removed" });
    }

    private async Task<UserPasskeyInfo?> LoadAsync(string id)
    {
        if (await FindPasskeyAsync(id) is not { } passkey)
        {
            return null;
        }

        PasskeyName = NameOf(passkey);
        AddedUtc = passkey.CreatedAt.UtcDateTime;
        IsLastSecondFactor = !await Users.GetTwoFactorEnabledAsync(Account) && (await Users.GetPasskeysAsync(Account)).Count == 1;
        return passkey;
    }

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not remove the passkey: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
