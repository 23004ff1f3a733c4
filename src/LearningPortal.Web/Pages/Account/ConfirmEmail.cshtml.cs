using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>Follows the link in the confirmation email. Opening it again after success is harmless.</summary>
[AllowAnonymous]
public class ConfirmEmailModel(UserManager<PortalUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = LinkCode.Decode(code);
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null)
        {
            return;
        }

        // An old link for an address that is already confirmed has done its job: say so rather than "does not work".
        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded || user.EmailConfirmed;
    }
}
