namespace LearningPortal.Core.Accounts;

/// <summary>
/// One signed-in session of an account (one browser's sign-in), kept in the database so that the person can see where
/// they are signed in and end any session, on every instance: each instance checks the row when it re-checks the
/// session's cookie (every minute). Rows stay for <see cref="UserSessions.KeptFor"/> after they end, so that a later
/// sign-in from the same browser is known.
/// </summary>
public class UserSession
{
    /// <summary>128 random bits, hex: what the session's cookie carries, and what the sign-out button names.</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>SHA-256 (hex) of the browser's own random key (a long-lived cookie), so a browser seen before is known.</summary>
    public string BrowserKeyHash { get; set; } = "";

    /// <summary>The browser and device, e.g. "Firefox on Windows", from the user agent at sign-in.</summary>
    public string Browser { get; set; } = "";

    /// <summary>The user agent as sent (cut to 512 characters), for the details.</summary>
    public string UserAgent { get; set; } = "";

    public DateTime StartedUtc { get; set; }

    /// <summary>The last time the session's cookie was checked (at most a minute or so behind).</summary>
    public DateTime LastSeenUtc { get; set; }

    /// <summary>The account's security stamp the session was last checked against; one that differs has ended.</summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>When the session was signed out (by its owner, from here or another browser); null while it lasts.</summary>
    public DateTime? EndedUtc { get; set; }
}
