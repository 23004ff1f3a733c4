using System.Security.Claims;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Security;

/// <summary>
/// How the portal knows a session used a second factor: Identity's "amr" (authentication methods references) claim
/// "mfa", which its authenticator and recovery code sign-in set, and which the portal also sets for a passkey.
/// </summary>
public static class SecondFactor
{
    public const string AmrClaimType = "amr";
    public const string MultiFactor = "mfa";

    /// <summary>Which second factor, kept in the standard authentication method claim (Identity preserves it on refresh).</summary>
    public const string AuthenticatorMethod = "authenticator";
    public const string PasskeyMethod = "passkey";

    public static Claim[] Claims(string method) =>
        [new Claim(AmrClaimType, MultiFactor), new Claim(ClaimTypes.AuthenticationMethod, method)];

    /// <summary>Whether this session was signed in with a second factor.</summary>
    public static bool UsedSecondFactor(this ClaimsPrincipal user) => user.HasClaim(AmrClaimType, MultiFactor);

    /// <summary>Whether the account has a second factor: an authenticator app turned on, or at least one passkey.</summary>
    public static async Task<bool> HasSecondFactorAsync(this UserManager<PortalUser> users, PortalUser user) =>
        await users.GetTwoFactorEnabledAsync(user) || (await users.GetPasskeysAsync(user)).Count > 0;

    /// <summary>
    /// The security stamp check (every minute) rebuilds the principal from the database and would drop the
    /// sign-in's method claims, silently downgrading a two-factor session, and its session id; this carries them over.
    /// </summary>
    public static Task KeepSignInMethod(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            foreach (var claim in current.FindAll(c => c.Type is AmrClaimType or ClaimTypes.AuthenticationMethod or PortalClaims.SessionClaimType))
            {
                if (!identity.HasClaim(claim.Type, claim.Value))
                {
                    identity.AddClaim(new Claim(claim.Type, claim.Value));
                }
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>The session must have used a second factor (see <see cref="SecondFactor"/>).</summary>
public sealed class SecondFactorRequirement : IAuthorizationRequirement;

public sealed class SecondFactorHandler : AuthorizationHandler<SecondFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SecondFactorRequirement requirement)
    {
        if (context.User.UsedSecondFactor())
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// A signed-in person who fails only the second-factor requirement is taken where they can meet it, not shown a 403:
/// to setting up two-factor sign-in if their account has none, otherwise to the second step of signing in.
/// Anything else (not signed in, a missing role) is answered as usual.
/// </summary>
public sealed class SecondFactorRedirect : IAuthorizationMiddlewareResultHandler
{
    public const string SetUpPath = "/account/two-factor";
    public const string SecondStepPath = "/account/sign-in/two-factor";

    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.ToList() ?? [];
        if (authorizeResult.Forbidden && failed.Count > 0 && failed.All(r => r is SecondFactorRequirement))
        {
            var users = context.RequestServices.GetRequiredService<UserManager<PortalUser>>();
            if (await users.GetUserAsync(context.User) is { } user)
            {
                var path = await users.HasSecondFactorAsync(user) ? SecondStepPath : SetUpPath;
                var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                context.Response.Redirect($"{path}?returnUrl={Uri.EscapeDataString(returnUrl)}");
                return;
            }
        }

        await standard.HandleAsync(next, context, policy, authorizeResult);
    }
}
