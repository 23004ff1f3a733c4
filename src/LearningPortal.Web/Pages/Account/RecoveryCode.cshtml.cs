using LearningPortal.Web.Accounts;
using LearningPortal.Web.Security.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>The second step of signing in with one of the recovery codes instead of the authenticator app; each works once.</summary>
[AllowAnonymous]
[RateLimited(PortalRateLimitOptions.SecondStep, Subject = RateLimitSubject.SecondStepAccount)]
public class RecoveryCodeModel(PortalSignInManager signInManager, UserManager<PortalUser> users, AccountSignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var person = await SecondStep.FindAsync(this, signInManager, users, begin: true);
        return person switch
        {
            null => RedirectToPage("SignIn", new { returnUrl = ReturnUrl }),
            { HasAuthenticator: false } => RedirectToPage("SecondFactor", new { returnUrl = ReturnUrl }),
            _ => Page(),
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var person = await SecondStep.FindAsync(this, signInManager, users, begin: false);
        if (person is null)
        {
            return RedirectToPage("SignIn", new { returnUrl = ReturnUrl });
        }

        // Codes are shown as XXXXX-XXXXX in capitals; people retype them in any case, with or without spaces.
        var code = (RecoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(RecoveryCode), "Enter one of your recovery codes");
            return Page();
        }

        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await signIn.RecordSignInAsync(person.User);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(nameof(RecoveryCode), result.IsLockedOut
            ? (await signIn.LockedOutAsync(person.User)).LockedOutCodeMessage
            : "The recovery code is not correct, or it has already been used");
        return Page();
    }
}
