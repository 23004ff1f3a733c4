using LearningPortal.Core.Accounts;
using LearningPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LearningPortal.Tests.Site;

/// <summary>
/// The site as deployed behind a TLS-terminating proxy: forwarded headers on (ASPNETCORE_FORWARDEDHEADERS_ENABLED,
/// as docker-compose.yml sets it), so a request carrying X-Forwarded-Proto: https is an HTTPS request to the site.
/// Test-only: GET /test/sign-in?email=... signs that account in without the sign-in page, so that the
/// signed-in layout (and its sign-out form) can be checked on a branch without the accounts journeys.
/// </summary>
public class BehindTlsProxySite : PortalFactory
{
    public const string SignInPath = "/test/sign-in";

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["FORWARDEDHEADERS_ENABLED"] = "true",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, SignInShortcut>());
    }

    /// <summary>A request as the proxy forwards it: the public host name, and HTTPS or not.</summary>
    public static HttpRequestMessage Request(string path, bool https, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        request.Headers.Host = "learning.riverside-scp.example";
        if (https)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
        }

        return request;
    }

    // Runs after the forwarded-headers filter the host registers first, before the site's own pipeline.
    private sealed class SignInShortcut : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Not app.Map: it would make /test/sign-in the path base, and so the cookie's path.
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != SignInPath)
                {
                    await nextMiddleware();
                    return;
                }

                var users = context.RequestServices.GetRequiredService<UserManager<PortalUser>>();
                var user = await users.FindByEmailAsync(context.Request.Query["email"].ToString());
                if (user is null)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                await context.RequestServices.GetRequiredService<SignInManager<PortalUser>>().SignInAsync(user, isPersistent: false);
                context.Response.Redirect("/");
            });
            next(app);
        };
    }
}
