using System.Security.Claims;

namespace LearningPortal.Web.Security;

/// <summary>Who is signed in, read from the sign-in cookie's claims.</summary>
public static class PortalClaims
{
    /// <summary>The signed-in user's id, or "" for nobody (pages that call it require a signed-in user).</summary>
    public static string UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
