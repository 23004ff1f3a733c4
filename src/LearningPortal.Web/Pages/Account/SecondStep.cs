using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// Who is taking the second step of signing in: someone whose password was just accepted (Identity's short-lived
/// two-factor cookie), or someone already signed in with their password alone who now needs the second factor.
/// </summary>
public sealed record SecondStepUser(PortalUser User, bool HasAuthenticator, bool HasPasskey);

public static class SecondStep
{
    public static async Task<SecondStepUser?> FindAsync(PageModel page, PortalSignInManager signIn, UserManager<PortalUser> users, bool begin)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null && await users.GetUserAsync(page.User) is { } signedIn)
        {
            user = signedIn;
            if (begin)
            {
                await signIn.BeginSecondStepAsync(user);
            }
        }

        return user is null ? null : new SecondStepUser(user, await users.GetTwoFactorEnabledAsync(user), (await users.GetPasskeysAsync(user)).Count > 0);
    }
}
