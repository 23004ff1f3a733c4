using System.Security.Claims;
using LearningPortal.Web.Security;
using LearningPortal.Web.Training;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LearningPortal.Tests.Fleet;

/// <summary>
/// Sign-in and booking-journey cookies made by the control host. Instances A and B accept them only because every
/// instance reads the same data-protection keys from the database: the property that lets a person move between
/// instances without sticky sessions. (Signing a thousand people in through the form would time the password hash.)
/// </summary>
public static class FleetCookies
{
    public static Task<string> SignInCookieAsync(PortalFactory control, PortalUser user) =>
        control.WithScopeAsync(async sp =>
        {
            var principal = await sp.GetRequiredService<SignInManager<PortalUser>>().CreateUserPrincipalAsync(user);
            // A signed-in session, as the sign-in form begins one: the instances' re-check ends a sign-in without it.
            var started = await sp.GetRequiredService<UserSessions>().BeginAsync(user, Guid.NewGuid().ToString("N"), "fleet test");
            await sp.GetRequiredService<PortalDbContext>().SaveChangesAsync();
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(PortalClaims.SessionClaimType, started.Session.Id));
            var options = sp.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
            var now = DateTimeOffset.UtcNow;
            var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1) }, IdentityConstants.ApplicationScheme);
            return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
        });

    public static Task<string> JourneyCookieAsync(PortalFactory control, BookingJourney journey) =>
        control.WithScopeAsync(sp =>
        {
            var context = new DefaultHttpContext { RequestServices = sp };
            sp.GetRequiredService<BookingJourneyStore>().Write(context, journey);
            return Task.FromResult(context.Response.Headers.SetCookie.ToString().Split(';')[0]);
        });
}
