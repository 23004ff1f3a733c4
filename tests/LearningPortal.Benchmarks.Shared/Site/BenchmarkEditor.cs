using System.Security.Claims;
using LearningPortal.Core.Accounts;
using LearningPortal.Core.Data;
using LearningPortal.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LearningPortal.Benchmarks.Shared;

/// <summary>
/// An Editor with an authenticator, as an Administrator would set one up, and the cookie the site issues after their
/// password and authenticator sign-in, so a benchmark can request Editor pages without timing the sign-in.
/// </summary>
public static class BenchmarkEditor
{
    /// <summary>Creates the Editor (with a password: the one password hashed in a run).</summary>
    public static async Task<PortalUser> CreateAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var agency = await db.Agencies.OrderBy(a => a.SortOrder).FirstAsync();
        var user = new PortalUser
        {
            UserName = "bench.editor@example.org",
            Email = "bench.editor@example.org",
            EmailConfirmed = true,
            DisplayName = "Benchmark Editor",
            JobRole = "Learning and development lead",
            AgencyId = agency.Id,
            CreatedUtc = DateTime.UtcNow,
        };
        Check(await users.CreateAsync(user, "correct horse battery staple"));
        Check(await users.AddToRolesAsync(user, [PortalRoles.Practitioner, PortalRoles.Editor]));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return user;

        static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }
    }

    /// <summary>
    /// The cookie the site issues after a password and authenticator sign-in: the principal from Identity's own factory
    /// with the second-factor claims the sign-in adds and a signed-in session (the re-check ends a sign-in without one),
    /// protected by the site's own cookie ticket format. <paramref name="age"/> backdates it (a cookie older than the
    /// session re-check interval is re-checked on every request by a client that never keeps the re-issued one).
    /// </summary>
    public static async Task<string> SessionCookieAsync(IServiceProvider services, PortalUser user, TimeSpan age = default)
    {
        using var scope = services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        var fresh = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(user.Id) ?? throw new InvalidOperationException("The benchmark user is gone.");
        var principal = await signIn.CreateUserPrincipalAsync(fresh);
        ((ClaimsIdentity)principal.Identity!).AddClaims(SecondFactor.Claims(SecondFactor.AuthenticatorMethod));
        var started = await scope.ServiceProvider.GetRequiredService<UserSessions>().BeginAsync(fresh, Guid.NewGuid().ToString("N"), "benchmark");
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(PortalClaims.SessionClaimType, started.Session.Id));
        var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var now = DateTimeOffset.UtcNow - age;
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.ExpireTimeSpan };
        var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.ApplicationScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }
}
