using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// Two-factor sign-in: set up an authenticator app, get new recovery codes, add, rename or remove a passkey, turn it off.
/// Each change is audited and emailed to the account holder (<see cref="SecondFactorChanges"/>) in the same transaction.
/// </summary>
public class TwoFactorModel(
    UserManager<PortalUser> users, PortalSignInManager signInManager, AuthenticatorSetUp setUp, AccountSignIn signIn,
    SecondFactorChanges changes, PortalDbContext db, TimeProvider clock) : TwoFactorSettingsPageModel(users)
{
    /// <summary>Where to go once it is set up (the page that asked for two-factor sign-in); only local addresses are followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>The WebAuthn credential from the browser, or empty with <see cref="PasskeyError"/> when it failed.</summary>
    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty]
    public string? PasskeyError { get; set; }

    public bool AuthenticatorOn { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public IReadOnlyList<UserPasskeyInfo> Passkeys { get; private set; } = [];

    public AuthenticatorKey? Key { get; private set; }

    /// <summary>New recovery codes, shown once.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string? Updated { get; private set; }

    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account";

    public async Task OnGetAsync(string? updated)
    {
        Updated = updated switch
        {
            "off" => "Two-factor sign-in with an authenticator app is off",
            "passkey" => "Your passkey has been added",
            "passkey-renamed" => "Your passkey has been renamed",
            "passkey-removed" => "Your passkey has been removed",
            "passkey-removed-off" => "Your passkey has been removed. Two-factor sign-in is off",
            _ => null,
        };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var code = AuthenticatorSetUp.NormaliseCode(Code ?? "");
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
        }
        else if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError(nameof(Code), "The code must be 6 digits");
        }
        else if (!await setUp.IsCurrentCodeAsync(Account, code))
        {
            ModelState.AddModelError(nameof(Code), "The code is not correct. Check your authenticator app and enter the code it shows now");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await Users.SetTwoFactorEnabledAsync(Account, true);
            RecoveryCodes = await setUp.NewRecoveryCodesAsync(Account);
            changes.AuthenticatorOn(Account);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        // Entering a code from the authenticator just proved this session has it.
        await signInManager.SignInWithSecondFactorAsync(Account, SecondFactor.AuthenticatorMethod);
        Updated = "Two-factor sign-in is on";
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (!await Users.GetTwoFactorEnabledAsync(Account))
        {
            return RedirectToPage();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            RecoveryCodes = await setUp.NewRecoveryCodesAsync(Account);
            changes.RecoveryCodes(Account);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await signInManager.RefreshSignInAsync(Account);
        Updated = "You have new recovery codes";
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (!await signIn.ConfirmPasswordAsync(ModelState, nameof(Password), Account, Password))
        {
            await LoadAsync();
            return Page();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await Users.SetTwoFactorEnabledAsync(Account, false);
            // A new key next time, so an old copy of this one in someone's app is useless; the recovery codes go with it.
            // The new key also changes the security stamp, which ends the account's other sessions.
            await Users.ResetAuthenticatorKeyAsync(Account);
            await Users.GenerateNewTwoFactorRecoveryCodesAsync(Account, 0);
            changes.AuthenticatorOff(Account, twoFactorOff: (await Users.GetPasskeysAsync(Account)).Count == 0);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await signInManager.RefreshAfterSecondFactorChangeAsync(Account);
        return RedirectToPage(new { updated = "off", returnUrl = ReturnUrl });
    }

    /// <summary>Step one of adding a passkey (called by passkeys.js): the options for navigator.credentials.create.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        var options = await signInManager.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = Account.Id,
            Name = Account.Email ?? Account.UserName ?? Account.Id,
            DisplayName = Account.DisplayName,
        });
        return Content(options, "application/json");
    }

    /// <summary>Step two: the browser's new credential, checked against the options and stored.</summary>
    public async Task<IActionResult> OnPostAddPasskeyAsync()
    {
        if (string.IsNullOrEmpty(CredentialJson))
        {
            ModelState.AddModelError("passkey", PasskeyError is "NotAllowedError" or "AbortError"
                ? "Your passkey was not created. Try again, and follow your device's instructions"
                : "Your device could not create a passkey. Try again or use an authenticator app");
            await LoadAsync();
            return Page();
        }

        if (!PasskeyCredential.IsWellFormed(CredentialJson))
        {
            // Not what a browser sends: a malformed request, answered as one; nothing is saved.
            ModelState.AddModelError("passkey", "Your passkey could not be read. Try again or use an authenticator app");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync();
            return Page();
        }

        var attestation = await signInManager.PerformPasskeyAttestationAsync(CredentialJson);
        if (!attestation.Succeeded)
        {
            ModelState.AddModelError("passkey", "Your passkey could not be added. Try again or use an authenticator app");
            await LoadAsync();
            return Page();
        }

        var passkey = attestation.Passkey;
        passkey.Name = $"Passkey added {Core.Time.UkTime.Format(clock.GetUtcNow().UtcDateTime)}";
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var added = await Users.AddOrUpdatePasskeyAsync(Account, passkey);
            if (!added.Succeeded)
            {
                ModelState.AddModelError("passkey", "Your passkey could not be added. Try again or use an authenticator app");
                await transaction.RollbackAsync();
                await LoadAsync();
                return Page();
            }

            changes.PasskeyAdded(Account, passkey.Name);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        // The authenticator verified the user (PIN or biometrics) to create the passkey, on this device, just now.
        await signInManager.SignInWithSecondFactorAsync(Account, SecondFactor.PasskeyMethod);
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage(new { updated = "passkey" });
    }

    private async Task LoadAsync()
    {
        AuthenticatorOn = await Users.GetTwoFactorEnabledAsync(Account);
        RecoveryCodesLeft = AuthenticatorOn ? await Users.CountRecoveryCodesAsync(Account) : 0;
        Passkeys = (await Users.GetPasskeysAsync(Account)).ToList();
        if (!AuthenticatorOn)
        {
            var (key, created) = await setUp.GetOrCreateKeyAsync(Account);
            if (created)
            {
                // A new key changes the security stamp; without this the session would end at its next check.
                await signInManager.RefreshSignInAsync(Account);
            }

            Key = key;
        }
    }
}
