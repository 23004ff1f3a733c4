using System.Security.Claims;

namespace LearningPortal.Web.Security;

/// <summary>Who is signed in, read from the sign-in cookie's claims.</summary>
public static class PortalClaims
{
    /// <summary>The id of the signed-in session (<see cref="Core.Accounts.UserSession"/>), carried over when the sign-in is re-checked.</summary>
    public const string SessionClaimType = "lp.session";

    /// <summary>This browser's signed-in session's id, or null.</summary>
    public static string? SessionId(this ClaimsPrincipal user) => user.FindFirstValue(SessionClaimType);

    /// <summary>The signed-in user's id, or "" for nobody (pages that call it require a signed-in user).</summary>
    public static string UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
