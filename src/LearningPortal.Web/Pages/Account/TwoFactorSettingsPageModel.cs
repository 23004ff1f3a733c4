using System.Buffers.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// The pages that change someone's own two-factor sign-in. Once an account has a second factor, only a session that
/// used it may change these settings (otherwise a stolen password would be enough to switch it off); others are sent
/// to the second step of signing in first.
/// </summary>
public abstract class TwoFactorSettingsPageModel(UserManager<PortalUser> users) : PageModel
{
    protected UserManager<PortalUser> Users { get; } = users;

    /// <summary>The signed-in account, tracked so that UserManager can change it.</summary>
    protected PortalUser Account { get; private set; } = default!;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (await Users.GetUserAsync(User) is not { } user)
        {
            context.Result = Challenge();
            return;
        }

        if (await Users.HasSecondFactorAsync(user) && !User.UsedSecondFactor())
        {
            context.Result = Redirect($"{SecondFactorRedirect.SecondStepPath}?returnUrl={Uri.EscapeDataString(Request.Path + Request.QueryString)}");
            return;
        }

        Account = user;
        await next();
    }

    /// <summary>A passkey's credential id as it appears in addresses (base64url).</summary>
    public static string PasskeyId(UserPasskeyInfo passkey) => Base64Url.EncodeToString(passkey.CredentialId);

    /// <summary>One of this account's passkeys by its id in the address, or null (also for someone else's passkey).</summary>
    protected async Task<UserPasskeyInfo?> FindPasskeyAsync(string? id) =>
        !string.IsNullOrEmpty(id) && Base64Url.IsValid(id)
            ? await Users.GetPasskeyAsync(Account, Base64Url.DecodeFromChars(id))
            : null;

    /// <summary>What people see for a passkey; Identity allows it to have no name.</summary>
    public static string NameOf(UserPasskeyInfo passkey) => string.IsNullOrWhiteSpace(passkey.Name) ? "Passkey" : passkey.Name;
}
