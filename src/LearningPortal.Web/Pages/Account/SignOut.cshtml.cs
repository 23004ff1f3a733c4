using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// The layout's "Sign out" button posts here. Open to everyone, so that signing out works even when the
/// session has already ended; a GET only offers the button, because signing out changes state.
/// </summary>
[AllowAnonymous]
public class SignOutModel(SignInManager<PortalUser> signIn) : PageModel
{
    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("SignedOut");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("SignedOut");
    }
}
