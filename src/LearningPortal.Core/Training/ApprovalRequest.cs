namespace LearningPortal.Core.Training;

/// <summary>
/// A request to a person's line manager to approve a booking. The manager needs no account: the email
/// carries a link with a random token, of which only the SHA-256 hash is stored.
/// </summary>
public class ApprovalRequest
{
    public int Id { get; set; }

    public int BookingId { get; set; }

    public Booking Booking { get; set; } = default!;

    public string ManagerName { get; set; } = "";

    public string ManagerEmail { get; set; } = "";

    /// <summary>Hex SHA-256 of the token in the link.</summary>
    public string TokenHash { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    /// <summary>After this the request lapses and the place is freed by the scheduled sweep.</summary>
    public DateTime ExpiresUtc { get; set; }

    public ApprovalOutcome Outcome { get; set; }

    public DateTime? DecidedUtc { get; set; }

    public string? DeclineReason { get; set; }
}

/// <summary>What became of an approval request.</summary>
public enum ApprovalOutcome
{
    Pending = 0,
    Approved = 1,
    Declined = 2,
    Expired = 3,

    /// <summary>The booking was cancelled, or the session cancelled, before the manager decided.</summary>
    Withdrawn = 4,
}
