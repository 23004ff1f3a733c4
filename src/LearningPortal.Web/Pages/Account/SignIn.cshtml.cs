using System.ComponentModel.DataAnnotations;
using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Web.Pages.Account;

/// <summary>Sign in with email address and password; five wrong passwords in a row lock the account for a while.</summary>
[AllowAnonymous]
public class SignInModel(AccountSignIn signIn) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    /// <summary>Where to go afterwards; only addresses on this site are followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public SignInOutcome? Refused { get; private set; }

    public void OnGet()
    {
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
            case SignInOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case SignInOutcome.LockedOut:
                ModelState.AddModelError("Input.Password", attempt.LockedOutMessage);
                break;
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
