using LearningPortal.Web.Accounts;
using LearningPortal.Web.Security.RateLimiting;

namespace LearningPortal.Web.Pages.Account;

/// <summary>Sign in with email address and password; five wrong passwords in a row lock the account for a while.</summary>
[AllowAnonymous]
[RateLimited(PortalRateLimitOptions.SignIn, Subject = RateLimitSubject.TypedAddress)]
public class SignInModel(AccountSignIn signIn, PortalSignInManager signInManager) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    /// <summary>Where to go afterwards; only addresses on this site are followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public SignInOutcome? Refused { get; private set; }

    /// <summary>The WebAuthn assertion from passkeys.js, or empty with <see cref="PasskeyError"/> when the browser gave none.</summary>
    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty]
    public string? PasskeyError { get; set; }

    public void OnGet()
    {
    }

    /// <summary>Options for navigator.credentials.get with any passkey for this site (the passkey says whose it is).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signInManager.MakePasskeyRequestOptionsAsync(null), "application/json");

    /// <summary>Signing in with a passkey: no password, and it counts as two-factor sign-in.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        ModelState.Clear();
        if (!string.IsNullOrEmpty(CredentialJson) && !PasskeyCredential.IsWellFormed(CredentialJson))
        {
            // Not what a browser sends: a malformed request, answered as one, with the page and its error summary.
            ModelState.AddModelError("passkey", PasskeyCredential.MalformedMessage);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = string.IsNullOrEmpty(CredentialJson) ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signInManager.PasskeySignInAsync(CredentialJson);
        if (result.Succeeded)
        {
            await signIn.RecordSignInAsync(signInManager.PasskeyUser!);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError("passkey", result.IsLockedOut
            ? "Your account is locked because of too many wrong attempts. Try again later"
            : result.IsNotAllowed
                ? "You cannot sign in with this account. Sign in with your email address and password to find out why"
                : "Your passkey could not be used. Try again, or sign in with your email address and password");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var attempt = await signIn.SignInAsync(Input.Email!, Input.Password!);
        switch (attempt.Outcome)
        {
            case SignInOutcome.SignedIn when attempt.MustSetUpSecondFactor:
                return LocalRedirect($"{SecondFactorRedirect.SetUpPath}?returnUrl={Uri.EscapeDataString(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/manage")}");
            case SignInOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case SignInOutcome.SecondFactorRequired:
                return RedirectToPage("SecondFactor", new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
            case SignInOutcome.EmailNotConfirmed:
                ModelState.AddModelError("", "You need to confirm your email address before you can sign in");
                break;
            case SignInOutcome.Disabled:
                ModelState.AddModelError("", "Your account has been disabled. Contact the partnership's business unit if you think this is wrong");
                break;
            default:
                ModelState.AddModelError("Input.Password", "Enter a correct email address and password");
                break;
        }

        Refused = attempt.Outcome;
        return Page();
    }
}

public class SignInInput
{
    [Required(ErrorMessage = "Enter your email address")]
    [PortalEmail]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter your password")]
    public string? Password { get; set; }
}
