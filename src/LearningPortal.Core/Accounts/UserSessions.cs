using System.Security.Cryptography;
using System.Text;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Accounts;

/// <summary>A session that has just begun, and whether its browser is new to the account (its owner is then told).</summary>
public sealed record StartedSession(UserSession Session, bool NewBrowser);

/// <summary>
/// The signed-in sessions of accounts (<see cref="UserSession"/>): begun at sign-in, checked (and their last-seen time
/// noted) whenever a session's cookie is re-checked, listed for their owner, and ended by sign-out, one at a time or
/// all but the current one. Ending a session takes effect on every instance at that session's next check.
/// </summary>
public class UserSessions(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>How long a session lasts without use (the sign-in cookie's sliding lifetime).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>How long an ended or expired session is kept, so that its browser is still known when it signs in again.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(180);

    /// <summary>
    /// Begins a session for this browser (identified by its own random key). The browser counts as new when the account
    /// has signed in before but never from it; then an audit entry is added. The caller saves, with any email it queues.
    /// </summary>
    public async Task<StartedSession> BeginAsync(PortalUser user, string browserKey, string? userAgent, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Hash(browserKey);

        // Housekeeping: sessions long over are forgotten (their browsers with them).
        await db.UserSessions.Where(s => s.UserId == user.Id && s.LastSeenUtc < now - KeptFor).ExecuteDeleteAsync(cancellationToken);
        var known = await db.UserSessions.Where(s => s.UserId == user.Id && s.LastSeenUtc > now - KeptFor)
            .Select(s => s.BrowserKeyHash).Distinct().ToListAsync(cancellationToken);

        // The first sign-in of an account (just created or confirmed) is not news to its owner.
        var newBrowser = known.Count > 0 && !known.Contains(hash);
        var session = new UserSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UserId = user.Id,
            BrowserKeyHash = hash,
            Browser = BrowserDescription.From(userAgent),
            UserAgent = Truncate(userAgent ?? "", 512),
            StartedUtc = now,
            LastSeenUtc = now,
            SecurityStamp = user.SecurityStamp ?? "",
        };
        db.UserSessions.Add(session);
        if (newBrowser)
        {
            audit.Record(user.Id, user.DisplayName, "user.session-new-browser", "user", user.Id, $"Signed in from a browser not seen before: {session.Browser}");
        }

        return new StartedSession(session, newBrowser);
    }

    /// <summary>
    /// Whether the session is still going (not signed out); if so, notes that it was seen now, with the account's current
    /// security stamp (which the caller has just checked). One statement, so every instance sees the same answer.
    /// </summary>
    public async Task<bool> ContinueAsync(string userId, string sessionId, string? securityStamp, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stamp = securityStamp ?? "";
        return await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId && s.EndedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenUtc, now).SetProperty(s => s.SecurityStamp, stamp), cancellationToken) > 0;
    }

    /// <summary>The account's sessions that can still be used, most recently seen first.</summary>
    public async Task<IReadOnlyList<UserSession>> ActiveAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().UtcDateTime - Lifetime;
        var stamp = user.SecurityStamp ?? "";
        return await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == user.Id && s.EndedUtc == null && s.SecurityStamp == stamp && s.LastSeenUtc > since)
            .OrderByDescending(s => s.LastSeenUtc).ThenByDescending(s => s.StartedUtc)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Signs one of the account's sessions out (audited); null if there is no such session still going.</summary>
    public async Task<UserSession?> EndAsync(Actor actor, string userId, string sessionId, CancellationToken cancellationToken = default)
    {
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId && s.EndedUtc == null, cancellationToken);
        if (session is null)
        {
            return null;
        }

        session.EndedUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, "user.session-ended", "user", userId, $"Signed out of {session.Browser}, signed in {Time.UkTime.Format(session.StartedUtc)}");
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>Signs out every session of the account but <paramref name="keepSessionId"/> (audited); returns how many.</summary>
    public async Task<int> EndOthersAsync(Actor actor, string userId, string? keepSessionId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var others = await db.UserSessions.Where(s => s.UserId == userId && s.EndedUtc == null && s.Id != keepSessionId).ToListAsync(cancellationToken);
        foreach (var session in others)
        {
            session.EndedUtc = now;
        }

        var live = others.Count(s => s.LastSeenUtc > now - Lifetime);
        audit.Record(actor, "user.sessions-ended", "user", userId, $"Signed out of all other sessions ({live} {(live == 1 ? "session" : "sessions")})");
        await db.SaveChangesAsync(cancellationToken);
        return live;
    }

    /// <summary>The session this browser signed out of by itself (no audit entry: an ordinary sign-out).</summary>
    public async Task SignedOutAsync(string userId, string sessionId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId && s.EndedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedUtc, now), cancellationToken);
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Truncate(string value, int length) => value.Length > length ? value[..length] : value;
}
