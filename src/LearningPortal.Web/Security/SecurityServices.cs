using System.Text;
using LearningPortal.Web.Security.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace LearningPortal.Web.Security;

/// <summary>The site-wide security settings that are not pages: rate limits, no Server header, /.well-known/security.txt.</summary>
public static class SecurityServices
{
    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        // "Server: Kestrel" tells an attacker what to look up; nobody else needs it.
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        return services.AddPortalRateLimiting(configuration);
    }

    /// <summary>
    /// RFC 9116 security.txt from configuration (<c>SecurityTxt:Contact</c>, one or more, and <c>SecurityTxt:Expires</c>;
    /// optional <c>Policy</c>, <c>Acknowledgments</c>, <c>PreferredLanguages</c>, <c>Canonical</c>, <c>Encryption</c>).
    /// Without a contact there is nothing to say, and the address is 404.
    /// </summary>
    public static IEndpointConventionBuilder MapSecurityTxt(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/.well-known/security.txt", (IConfiguration configuration, TimeProvider clock) =>
        {
            var section = configuration.GetSection("SecurityTxt");
            var contacts = section.GetSection("Contact").Get<string[]>() ?? (section["Contact"] is { Length: > 0 } one ? [one] : []);
            if (contacts.Length == 0)
            {
                return Results.NotFound();
            }

            // Expires is required by the RFC; a site that does not set it says a year from now, so the file never goes stale.
            var expires = section.GetValue<DateTimeOffset?>("Expires") ?? clock.GetUtcNow().Date.AddYears(1);
            var text = new StringBuilder();
            foreach (var contact in contacts)
            {
                text.Append("Contact: ").Append(contact).Append('\n');
            }

            text.Append("Expires: ").Append(expires.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('\n');
            foreach (var field in new[] { "Encryption", "Acknowledgments", "Policy", "Hiring", "Canonical" })
            {
                if (section[field] is { Length: > 0 } value)
                {
                    text.Append(field).Append(": ").Append(value).Append('\n');
                }
            }

            text.Append("Preferred-Languages: ").Append(section["PreferredLanguages"] ?? "en").Append('\n');
            return Results.Text(text.ToString(), "text/plain; charset=utf-8");
        }).AllowAnonymous().WithDisplayName("security.txt");
}
