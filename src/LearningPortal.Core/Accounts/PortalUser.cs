using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Core.Accounts;

/// <summary>A person with an account: a practitioner, supervisor, member of partnership staff or administrator.</summary>
public class PortalUser : IdentityUser
{
    /// <summary>Full name as the person gave it.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Job role in their own words, e.g. "Health visitor".</summary>
    public string JobRole { get; set; } = "";

    /// <summary>The agency the person works for; partnerships report almost everything by agency.</summary>
    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Set by an administrator; a disabled account cannot sign in and its sessions end.</summary>
    public bool IsDisabled { get; set; }

    public DateTime? LastSignInUtc { get; set; }

    /// <summary>
    /// When the person was told that their unused account will be deleted (retention). Signing in afterwards keeps the
    /// account: only a warning newer than the last sign-in counts.
    /// </summary>
    public DateTime? RetentionWarningSentUtc { get; set; }

    /// <summary>
    /// The person's line manager, who approves their bookings on sessions that need it (kept in the profile, as
    /// Totara does, so every approval goes to the same person and a change is audited). Never the person themselves.
    /// </summary>
    public string? LineManagerName { get; set; }

    /// <summary>The line manager's work email address; see <see cref="LineManagerName"/>.</summary>
    public string? LineManagerEmail { get; set; }
}
