using System.Security.Cryptography;
using System.Text;

namespace LearningPortal.Web.Security;

/// <summary>
/// Adds the security headers to every response: a Content Security Policy with a fresh nonce per
/// request and no 'unsafe-inline', framing refused, no MIME sniffing, a strict referrer policy.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "lp.csp-nonce";

    /// <summary>
    /// The layout's one inline script, exactly as it appears between its tags. Its hash is in script-src as well as
    /// the per-request nonce, because a page served from the output cache carries the nonce of the response that was cached.
    /// </summary>
    public const string BodyClassScript = "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";

    /// <summary>The CSP hash source of <see cref="BodyClassScript"/>, computed once at start-up.</summary>
    public static readonly string BodyClassScriptHash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(BodyClassScript))) + "'";

    /// <summary>The CSP nonce for this request, for the few inline scripts the layout needs.</summary>
    public static string GetCspNonce(this HttpContext context)
    {
        if (context.Items[NonceKey] is string nonce)
        {
            return nonce;
        }

        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    public static IApplicationBuilder UsePortalSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app.Use(async (context, next) =>
        {
            var nonce = context.GetCspNonce();
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy =
                    "default-src 'self'; " +
                    $"script-src 'self' 'nonce-{nonce}' {BodyClassScriptHash}; " +
                    "style-src 'self'; " +
                    "img-src 'self' data:; " +
                    "font-src 'self'; " +
                    "connect-src 'self'; " +
                    "object-src 'none'; " +
                    "base-uri 'self'; " +
                    "form-action 'self'; " +
                    "frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
