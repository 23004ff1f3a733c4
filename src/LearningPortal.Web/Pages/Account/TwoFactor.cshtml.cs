using LearningPortal.Core.Accounts;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Data;
using LearningPortal.Web.Accounts;
using LearningPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// Two-factor sign-in: set up an authenticator app, get new recovery codes, add a passkey, turn it off. Once an account
/// has a second factor, only a session that used it may change these (otherwise a stolen password would be enough).
/// </summary>
public class TwoFactorModel(
    UserManager<PortalUser> users, PortalSignInManager signInManager, AuthenticatorSetUp setUp, AccountSignIn signIn,
    AuditLog audit, PortalDbContext db, TimeProvider clock) : PageModel
{
    private PortalUser account = default!;

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

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            context.Result = Challenge();
            return;
        }

        if (await users.HasSecondFactorAsync(user) && !User.UsedSecondFactor())
        {
            context.Result = Redirect($"{SecondFactorRedirect.SecondStepPath}?returnUrl={Uri.EscapeDataString(Request.Path + Request.QueryString)}");
            return;
        }

        account = user;
        await next();
    }

    public async Task OnGetAsync(string? updated)
    {
        Updated = updated switch
        {
            "off" => "Two-factor sign-in with an authenticator app is off",
            "passkey" => "Your passkey has been added",
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
        else if (!await setUp.IsCurrentCodeAsync(account, code))
        {
            ModelState.AddModelError(nameof(Code), "The code is not correct. Check your authenticator app and enter the code it shows now");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(account, true);
        RecoveryCodes = await setUp.NewRecoveryCodesAsync(account);
        audit.Record(account.Id, account.DisplayName, "user.two-factor-on", "user", account.Id, "Authenticator app set up");
        await db.SaveChangesAsync();

        // Entering a code from the authenticator just proved this session has it.
        await signInManager.SignInWithSecondFactorAsync(account, SecondFactor.AuthenticatorMethod);
        Updated = "Two-factor sign-in is on";
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (!await users.GetTwoFactorEnabledAsync(account))
        {
            return RedirectToPage();
        }

        RecoveryCodes = await setUp.NewRecoveryCodesAsync(account);
        audit.Record(account.Id, account.DisplayName, "user.recovery-codes", "user", account.Id, "New recovery codes");
        await db.SaveChangesAsync();
        await signInManager.RefreshSignInAsync(account);
        Updated = "You have new recovery codes";
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }
        else if (await signIn.ReauthenticateAsync(account, Password) is { Succeeded: false } check)
        {
            ModelState.AddModelError(nameof(Password), check.Outcome == SignInOutcome.LockedOut ? check.LockedOutMessage : "Your password is incorrect");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(account, false);
        // A new key next time, so an old copy of this one in someone's app is useless; the recovery codes go with it.
        await users.ResetAuthenticatorKeyAsync(account);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 0);
        audit.Record(account.Id, account.DisplayName, "user.two-factor-off", "user", account.Id, "Authenticator app turned off");
        await db.SaveChangesAsync();
        await signInManager.RefreshSignInAsync(account);
        return RedirectToPage(new { updated = "off", returnUrl = ReturnUrl });
    }

    /// <summary>Step one of adding a passkey (called by passkeys.js): the options for navigator.credentials.create.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        var options = await signInManager.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = account.Id,
            Name = account.Email ?? account.UserName ?? account.Id,
            DisplayName = account.DisplayName,
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

        var attestation = await signInManager.PerformPasskeyAttestationAsync(CredentialJson);
        if (!attestation.Succeeded)
        {
            ModelState.AddModelError("passkey", "Your passkey could not be added. Try again or use an authenticator app");
            await LoadAsync();
            return Page();
        }

        var passkey = attestation.Passkey;
        passkey.Name = $"Passkey added {Core.Time.UkTime.Format(clock.GetUtcNow().UtcDateTime)}";
        var added = await users.AddOrUpdatePasskeyAsync(account, passkey);
        if (!added.Succeeded)
        {
            ModelState.AddModelError("passkey", "Your passkey could not be added. Try again or use an authenticator app");
            await LoadAsync();
            return Page();
        }

        audit.Record(account.Id, account.DisplayName, "user.passkey-added", "user", account.Id, "Passkey added");
        await db.SaveChangesAsync();
        // The authenticator verified the user (PIN or biometrics) to create the passkey, on this device, just now.
        await signInManager.SignInWithSecondFactorAsync(account, SecondFactor.PasskeyMethod);
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage(new { updated = "passkey" });
    }

    private async Task LoadAsync()
    {
        AuthenticatorOn = await users.GetTwoFactorEnabledAsync(account);
        RecoveryCodesLeft = AuthenticatorOn ? await users.CountRecoveryCodesAsync(account) : 0;
        Passkeys = (await users.GetPasskeysAsync(account)).ToList();
        if (!AuthenticatorOn)
        {
            var (key, created) = await setUp.GetOrCreateKeyAsync(account);
            if (created)
            {
                // A new key changes the security stamp; without this the session would end at its next check.
                await signInManager.RefreshSignInAsync(account);
            }

            Key = key;
        }
    }
}
