using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Security;

/// <summary>
/// The session check that runs on every signed-in request (the cookie's validate-principal event), in front of Identity's
/// security stamp check. A session not yet due a check (its cookie is younger than the re-check interval) goes straight
/// through: no services are resolved. A due session that passed a check on this instance less than half the
/// interval ago, with the same security stamp, goes through too. Only the rest reach Identity's check (the user, its roles
/// and claims from the database, and a re-issued cookie).
/// </summary>
/// <remarks>
/// Why: Identity's own event resolves its validator, and with it the sign-in manager, the user manager (whose constructor
/// takes a process-wide lock to create its metrics), the stores and a database context, on every request, due or not; that
/// was most of what a signed-in page cost beyond an anonymous one. Requests that arrive together when a cookie falls due, a
/// person's other sessions, and clients that do not keep the re-issued cookie would each repeat the database check.
/// The bound: this instance forgets an account as soon as it changes the account (<see cref="PortalUserManager"/>), and an
/// entry made on any instance stands for at most half the interval, so a password change, a disabled account or a reset
/// second factor still ends every session, on every instance, within the interval (a minute by default).
/// </remarks>
public sealed class SessionChecks(IOptions<SecurityStampValidatorOptions> options, IOptions<IdentityOptions> identity)
{
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Passed> passed = new(StringComparer.Ordinal);

    private TimeProvider Clock => options.Value.TimeProvider ?? TimeProvider.System;

    /// <summary>How long a passed check stands in for the database: half the re-check interval.</summary>
    public TimeSpan Lifetime => options.Value.ValidationInterval / 2;

    /// <summary>The application cookie's validate-principal event.</summary>
    public static Task ValidatePrincipalAsync(CookieValidatePrincipalContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<SessionChecks>().ValidateAsync(context);

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // The same test as Identity's validator: a cookie issued within the interval is not checked.
        var issued = context.Properties.IssuedUtc;
        if (issued is not null && Clock.GetUtcNow() - issued.Value <= options.Value.ValidationInterval)
        {
            return;
        }

        var claims = identity.Value.ClaimsIdentity;
        if (context.Principal?.FindFirstValue(claims.UserIdClaimType) is { } id
            && context.Principal.FindFirstValue(claims.SecurityStampClaimType) is { } stamp
            && PassedRecently(Key(id, context.Principal), stamp))
        {
            return;
        }

        await context.HttpContext.RequestServices.GetRequiredService<ISecurityStampValidator>().ValidateAsync(context);
        if (context.Principal?.FindFirstValue(claims.UserIdClaimType) is { } checkedId
            && context.Principal.FindFirstValue(claims.SecurityStampClaimType) is { } checkedStamp)
        {
            RecordPassed(Key(checkedId, context.Principal), checkedStamp);
        }
    }

    /// <summary>
    /// One entry per signed-in session (the account and its session id), so a session signed out on another instance is
    /// still looked up in the database at its own next due check, within the interval.
    /// </summary>
    private static string Key(string userId, ClaimsPrincipal principal) => userId + "\n" + principal.SessionId();

    /// <summary>Whether this session passed a check here, with this stamp, within <see cref="Lifetime"/>.</summary>
    private bool PassedRecently(string key, string stamp) =>
        passed.TryGetValue(key, out var p) && p.Stamp == stamp && Clock.GetUtcNow() - p.AtUtc < Lifetime;

    private void RecordPassed(string key, string stamp)
    {
        var now = Clock.GetUtcNow();
        if (passed.Count > SweepAbove)
        {
            foreach (var (id, p) in passed)
            {
                if (now - p.AtUtc >= Lifetime)
                {
                    passed.TryRemove(id, out _);
                }
            }
        }

        passed[key] = new Passed(stamp, now);
    }

    /// <summary>After any change to the account: its next due check goes to the database.</summary>
    public void Forget(string userId)
    {
        var prefix = userId + "\n";
        foreach (var key in passed.Keys)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                passed.TryRemove(key, out _);
            }
        }
    }

    private sealed record Passed(string Stamp, DateTimeOffset AtUtc);
}
