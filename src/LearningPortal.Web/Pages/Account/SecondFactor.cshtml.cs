using LearningPortal.Web.Accounts;
using LearningPortal.Web.Security.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// The second step of signing in: a code from the authenticator app (or, from here, a recovery code or a passkey).
/// Wrong codes count towards the same lockout as wrong passwords.
/// </summary>
[AllowAnonymous]
[RateLimited(PortalRateLimitOptions.SecondStep, Subject = RateLimitSubject.SecondStepAccount)]
public class SecondFactorModel(PortalSignInManager signInManager, UserManager<PortalUser> users, AccountSignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty]
    public string? PasskeyError { get; set; }

    public SecondStepUser? Person { get; private set; }

    public string Destination => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.UsedSecondFactor())
        {
            return LocalRedirect(Destination);
        }

        Person = await SecondStep.FindAsync(this, signInManager, users, begin: true);
        if (Person is null)
        {
            return RedirectToPage("SignIn", new { returnUrl = ReturnUrl });
        }

        // Signed in, but with no second factor to use: setting one up is the way on.
        return Person.HasAuthenticator || Person.HasPasskey ? Page() : Redirect($"{SecondFactorRedirect.SetUpPath}?returnUrl={Uri.EscapeDataString(Destination)}");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Person = await SecondStep.FindAsync(this, signInManager, users, begin: false);
        if (Person is null)
        {
            return RedirectToPage("SignIn", new { returnUrl = ReturnUrl });
        }

        var code = AuthenticatorSetUp.NormaliseCode(Code ?? "");
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
            return Page();
        }

        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError(nameof(Code), "The code must be 6 digits");
            return Page();
        }

        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await signIn.RecordSignInAsync(Person.User);
            return LocalRedirect(Destination);
        }

        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? (await signIn.LockedOutAsync(Person.User)).LockedOutCodeMessage
            : "The code is not correct. Enter the code your authenticator app shows now");
        return Page();
    }

    /// <summary>Options for navigator.credentials.get, limited to this person's passkeys (called by passkeys.js).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        var person = await SecondStep.FindAsync(this, signInManager, users, begin: false);
        return person is null ? BadRequest() : Content(await signInManager.MakePasskeyRequestOptionsAsync(person.User), "application/json");
    }

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        var result = string.IsNullOrEmpty(CredentialJson) ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signInManager.PasskeySignInAsync(CredentialJson);
        if (result.Succeeded)
        {
            await signIn.RecordSignInAsync(signInManager.PasskeyUser!);
            return LocalRedirect(Destination);
        }

        // Asking for passkey options replaced the two-factor cookie; whoever is signed in with a password can carry on.
        Person = await SecondStep.FindAsync(this, signInManager, users, begin: true);
        if (Person is null)
        {
            return RedirectToPage("SignIn", new { returnUrl = ReturnUrl });
        }

        ModelState.AddModelError("passkey", result.IsLockedOut
            ? "Your account is locked because of too many wrong attempts. Try again later"
            : "Your passkey could not be used. Try again, or enter a code from your authenticator app");
        return Page();
    }
}
