namespace LearningPortal.Core.Accounts;

/// <summary>
/// An email address an account used before it changed to another: kept so that a person cannot name an old
/// address of their own as their line manager and approve their own bookings. Deleted with the account.
/// </summary>
public class PreviousEmail
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>The address, trimmed and in upper case (<see cref="LineManagers.Normalise"/>).</summary>
    public string NormalizedEmail { get; set; } = "";

    public DateTime ChangedUtc { get; set; }
}
