using LearningPortal.Core.Auditing;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Accounts;

/// <summary>
/// A person's line manager, kept in their profile: the approver of their bookings on sessions that need
/// approval. The approver must be someone else, so the address may not be the person's own, nor any address
/// their account used before (<see cref="PreviousEmail"/>). Every change is audited.
/// </summary>
public class LineManagers(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string OwnAddressMessage = "Enter your line manager's email address, not your own: someone else must approve your booking";

    public static string Normalise(string email) => email.Trim().ToUpperInvariant();

    /// <summary>Why this address cannot be the person's line manager, or null if it can.</summary>
    public async Task<string?> ProblemWithAsync(string userId, string managerEmail, CancellationToken cancellationToken = default)
    {
        var normalised = Normalise(managerEmail);
        var own = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (own is not null && Normalise(own) == normalised)
        {
            return OwnAddressMessage;
        }

        return await db.PreviousEmails.AnyAsync(p => p.UserId == userId && p.NormalizedEmail == normalised, cancellationToken)
            ? OwnAddressMessage
            : null;
    }

    /// <summary>Records an address the account is leaving (call when an email change is confirmed; the caller saves).</summary>
    public void RememberPreviousAddress(string userId, string oldEmail) =>
        db.PreviousEmails.Add(new PreviousEmail { UserId = userId, NormalizedEmail = Normalise(oldEmail), ChangedUtc = clock.GetUtcNow().UtcDateTime });

    /// <summary>
    /// Sets the person's line manager when it differs from the one on record, with an audit entry; the caller
    /// saves (so the change and its audit entry are one unit of work). Returns whether anything changed.
    /// The address must have been checked with <see cref="ProblemWithAsync"/>.
    /// </summary>
    public async Task<bool> ChangeAsync(string userId, string actorName, string name, string email, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        name = name.Trim();
        email = email.Trim();
        if (user is null || (user.LineManagerName == name && string.Equals(user.LineManagerEmail, email, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var before = user.LineManagerEmail is null ? "none" : $"{user.LineManagerName} <{user.LineManagerEmail}>";
        user.LineManagerName = name;
        user.LineManagerEmail = email;
        audit.Record(userId, actorName, "account.line-manager.changed", "user", userId, $"Line manager changed from {before} to {name} <{email}>");
        return true;
    }
}
