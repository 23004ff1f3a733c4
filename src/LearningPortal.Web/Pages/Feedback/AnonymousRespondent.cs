using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace LearningPortal.Web.Pages.Feedback;

/// <summary>
/// Lets people answer anonymous forms without an account, once per browser, without knowing who they are: the
/// browser gets a random id in a signed, HTTP-only cookie (it cannot be forged or edited), and the answering token
/// is issued for that id. The id is never stored with a response; only the spent-token marker (a keyed hash of
/// form, place and id) proves the browser has answered. Clearing cookies allows another answer, which is why
/// anonymous answering is also rate limited.
/// </summary>
public sealed class AnonymousRespondent(IDataProtectionProvider protection)
{
    /// <summary>What a browser's id starts with inside an answering token, so it can never match an account id.</summary>
    public const string Prefix = "browser:";

    private const string CookieName = "lp.feedback";
    private readonly IDataProtector protector = protection.CreateProtector("LearningPortal.Feedback.Browser.v1");

    /// <summary>The browser's id (with <see cref="Prefix"/>), made and set in the cookie on first use.</summary>
    public string IdFor(HttpContext context)
    {
        if (Existing(context) is { } id)
        {
            return id;
        }

        var fresh = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(18));
        context.Response.Cookies.Append(CookieName, protector.Protect(fresh), new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            Path = "/feedback",
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(400),
        });
        return Prefix + fresh;
    }

    /// <summary>The id in the browser's cookie, or null if it has none (or a tampered one).</summary>
    public string? Existing(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || value.Length > 500)
        {
            return null;
        }

        try
        {
            return Prefix + protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
