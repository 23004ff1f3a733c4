namespace LearningPortal.Core.Accounts;

/// <summary>
/// An email address an account used before it changed to another: kept so that a person cannot name an old
/// address of their own as their line manager and approve their own bookings, and so that the owner of the old
/// address can undo the change for 7 days (<see cref="EmailChangeUndo"/>). Deleted with the account.
/// </summary>
public class PreviousEmail
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>The address, trimmed and in upper case (<see cref="LineManagers.Normalise"/>).</summary>
    public string NormalizedEmail { get; set; } = "";

    public DateTime ChangedUtc { get; set; }

    /// <summary>The old address as it was written, to restore it; "" for changes made before undo links existed.</summary>
    public string Email { get; set; } = "";

    /// <summary>The address the account changed to (what an undo reverses).</summary>
    public string ChangedTo { get; set; } = "";

    /// <summary>SHA-256 (hex) of the random key in the undo link sent to the old address; null when there is none.</summary>
    public string? UndoKeyHash { get; set; }

    /// <summary>Until when the undo link works (7 days after the change).</summary>
    public DateTime? UndoUntilUtc { get; set; }

    /// <summary>When the undo link was used, or made void by an older change being undone; it works once.</summary>
    public DateTime? UndoneUtc { get; set; }
}
