using System.Security.Claims;
using LearningPortal.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Security;

/// <summary>
/// Refuses sign-in, and ends existing sessions at their next check, for disabled accounts. Marks every
/// sign-in that used a second factor (an authenticator code, a recovery code or a passkey) the same way,
/// so that <see cref="PortalPolicies.TwoFactor"/> can ask for it.
/// </summary>
public class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PortalUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<PortalUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: true } ? null : user;
    }

    /// <summary>Who the last successful <see cref="PasskeySignInAsync"/> signed in (the principal is only read on the next request).</summary>
    public PortalUser? PasskeyUser { get; private set; }

    /// <summary>
    /// Identity signs a passkey in as if it were a password (amr "pwd"). A passkey is something you have, unlocked
    /// with something you are or know (user verification is required, see AddPortalAccounts), so it counts as two factors.
    /// </summary>
    public override async Task<SignInResult> PasskeySignInAsync(string credentialJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialJson);
        var assertion = await PerformPasskeyAssertionAsync(credentialJson);
        if (!assertion.Succeeded)
        {
            return SignInResult.Failed;
        }

        if (await PreSignInCheck(assertion.User) is { } refused)
        {
            return refused;
        }

        // Keeps the new signature counter, which is how a cloned authenticator is noticed.
        if (!(await UserManager.AddOrUpdatePasskeyAsync(assertion.User, assertion.Passkey)).Succeeded)
        {
            return SignInResult.Failed;
        }

        await ResetLockout(assertion.User);
        await SignInWithClaimsAsync(assertion.User, isPersistent: false, SecondFactor.Claims(SecondFactor.PasskeyMethod));
        PasskeyUser = assertion.User;
        return SignInResult.Success;
    }

    /// <summary>Identity does not count wrong recovery codes towards lockout; the portal does, like wrong passwords and codes.</summary>
    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return SignInResult.Failed;
        }

        if (await IsLockedOut(user))
        {
            return await LockedOut(user);
        }

        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (result.Succeeded || !UserManager.SupportsUserLockout)
        {
            return result;
        }

        await UserManager.AccessFailedAsync(user);
        return await UserManager.IsLockedOutAsync(user) ? await LockedOut(user) : result;
    }

    /// <summary>
    /// For someone signed in with their password alone whose account has an authenticator: starts the second step
    /// (the same short-lived cookie a password sign-in sets), so the next authenticator or recovery code upgrades this session.
    /// </summary>
    public async Task BeginSecondStepAsync(PortalUser user)
    {
        if (await IsTwoFactorEnabledAsync(user))
        {
            await Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, await UserManager.GetUserIdAsync(user))], IdentityConstants.TwoFactorUserIdScheme)));
        }
    }

    /// <summary>
    /// Re-issues this session as one that used a second factor, keeping its properties: after someone proves they hold a
    /// new authenticator (by entering its code) or registers a passkey.
    /// </summary>
    public async Task SignInWithSecondFactorAsync(PortalUser user, string method)
    {
        var current = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await SignInWithClaimsAsync(user, current.Properties ?? new AuthenticationProperties(), SecondFactor.Claims(method));
    }

    /// <summary>
    /// Re-issues this session after the account's second factors changed (and its security stamp with them). While the
    /// account still has a second factor the session keeps counting as two-factor; once it has none it no longer does,
    /// so pages that need two-factor sign-in ask for it to be set up again rather than trusting a factor that is gone.
    /// </summary>
    public async Task RefreshAfterSecondFactorChangeAsync(PortalUser user)
    {
        if (await UserManager.HasSecondFactorAsync(user))
        {
            await RefreshSignInAsync(user);
            return;
        }

        var current = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await SignInWithClaimsAsync(user, current.Properties ?? new AuthenticationProperties(), [new Claim(SecondFactor.AmrClaimType, "pwd")]);
    }
}
