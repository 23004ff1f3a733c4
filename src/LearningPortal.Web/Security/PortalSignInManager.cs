using System.Security.Claims;
using System.Security.Cryptography;
using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Security;

/// <summary>
/// Refuses sign-in, and ends existing sessions at their next check, for disabled accounts. Marks every
/// sign-in that used a second factor (an authenticator code, a recovery code or a passkey) the same way,
/// so that <see cref="PortalPolicies.TwoFactor"/> can ask for it. Keeps each sign-in as a <see cref="UserSession"/>
/// in the database (its id in the cookie), which the minutely re-check asks about, so a session signed out from
/// another browser ends on every instance within a minute.
/// </summary>
public class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    UserSessions sessions,
    PortalDbContext db)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>The long-lived cookie with this browser's own random key, which tells a browser seen before from a new one.</summary>
    public const string BrowserCookie = "lp.browser";

    private const string SessionItem = "lp.session";

    public override async Task<bool> CanSignInAsync(PortalUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>The minutely re-check: the security stamp, a disabled account, and whether the session was signed out.</summary>
    public override async Task<PortalUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        if (user is null or { IsDisabled: true })
        {
            return null;
        }

        var session = principal?.FindFirstValue(PortalClaims.SessionClaimType);
        return session is not null && await sessions.ContinueAsync(user.Id, session, user.SecurityStamp) ? user : null;
    }

    /// <summary>Every sign-in carries its session's id: a new session, or this browser's own when the sign-in is re-issued.</summary>
    public override async Task SignInWithClaimsAsync(PortalUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.Where(c => c.Type != PortalClaims.SessionClaimType).ToList();
        claims.Add(new Claim(PortalClaims.SessionClaimType, await SessionForAsync(user)));
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    /// <summary>Ends this browser's session in the database too, so it leaves the list of signed-in sessions.</summary>
    public override async Task SignOutAsync()
    {
        if (Context.User.FindFirstValue(PortalClaims.SessionClaimType) is { } session)
        {
            await sessions.SignedOutAsync(Context.User.UserId(), session);
        }

        await base.SignOutAsync();
    }

    private async Task<string> SessionForAsync(PortalUser user)
    {
        // Re-issued in the same request (a refresh after a change): the session just begun or continued.
        if (Context.Items[SessionItem] is KeyValuePair<string, string> done && done.Key == user.Id)
        {
            return done.Value;
        }

        // Re-issued for the person already signed in on this browser (a changed password, an added second factor, the
        // second step after a password alone): the same session goes on, if it has not been signed out.
        var current = Context.User.FindFirstValue(PortalClaims.SessionClaimType);
        if (current is not null && Context.User.UserId() == user.Id && await sessions.ContinueAsync(user.Id, current, user.SecurityStamp))
        {
            Context.Items[SessionItem] = KeyValuePair.Create(user.Id, current);
            return current;
        }

        var started = await sessions.BeginAsync(user, BrowserKey(), Context.Request.Headers.UserAgent.ToString());
        if (started.NewBrowser)
        {
            // Resolved here: AccountEmails needs the user manager, which is this manager's own.
            Context.RequestServices.GetRequiredService<AccountEmails>().QueueNewBrowserSignIn(user, started.Session);
        }

        await db.SaveChangesAsync();
        Context.Items[SessionItem] = KeyValuePair.Create(user.Id, started.Session.Id);
        return started.Session.Id;
    }

    /// <summary>This browser's own random key, given to it at its first sign-in and kept for 400 days (browsers' longest).</summary>
    private string BrowserKey()
    {
        if (Context.Request.Cookies[BrowserCookie] is { Length: 32 } key && key.All(char.IsAsciiHexDigitLower))
        {
            return key;
        }

        key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Context.Response.Cookies.Append(BrowserCookie, key, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(400),
        });
        return key;
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

    /// <summary>
    /// Identity's WebAuthn parser throws on some credentials that are not what a browser sends; such a credential is a
    /// failed passkey, not a server error (the pages first refuse anything that is not even a credential, with 400).
    /// </summary>
    public override async Task<PasskeyAssertionResult<PortalUser>> PerformPasskeyAssertionAsync(string credentialJson)
    {
        try
        {
            return await base.PerformPasskeyAssertionAsync(credentialJson);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            return PasskeyAssertionResult.Fail<PortalUser>(new PasskeyException("The passkey credential could not be read.", e));
        }
    }

    /// <inheritdoc cref="PerformPasskeyAssertionAsync"/>
    public override async Task<PasskeyAttestationResult> PerformPasskeyAttestationAsync(string credentialJson)
    {
        try
        {
            return await base.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            return PasskeyAttestationResult.Fail(new PasskeyException("The passkey credential could not be read.", e));
        }
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
