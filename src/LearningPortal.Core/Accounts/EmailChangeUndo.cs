using System.Security.Cryptography;
using System.Text;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Accounts;

/// <summary>What undoing an email change came to, as the undo page tells it.</summary>
public enum UndoOutcome
{
    /// <summary>The old address is back, every session is signed out and the password is gone until a new one is chosen.</summary>
    Undone,

    /// <summary>The link is wrong, already used, made void, or more than 7 days old.</summary>
    LinkDoesNotWork,

    /// <summary>Another account has taken the old address since; the business unit has to sort it out.</summary>
    AddressTaken,
}

/// <summary>An undone change: the account, for the next step (choosing a new password), and the address it has again.</summary>
public sealed record RestoredAddress(PortalUser User, string Email);

/// <summary>
/// The link in the "your email address has been changed" email, sent to the OLD address: for 7 days its owner can change
/// the account's address back. Someone who took over an account by changing its address is thereby shut out: the old
/// address comes back, every session ends, and the password is removed, so that the account opens only through the reset
/// journey, whose link goes to the restored address. Single use; the key is stored only as a hash; audited.
/// </summary>
public class EmailChangeUndo(PortalDbContext db, UserManager<PortalUser> users, UserSessions sessions, AuditLog audit, TimeProvider clock)
{
    /// <summary>How long the link works.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7);

    /// <summary>
    /// Records the address the account is leaving and returns the undo link's key (for the email to the old address).
    /// The caller saves, with the change itself and the email.
    /// </summary>
    public string RecordChange(PortalUser user, string oldEmail, string newEmail)
    {
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        db.PreviousEmails.Add(new PreviousEmail
        {
            UserId = user.Id,
            NormalizedEmail = LineManagers.Normalise(oldEmail),
            Email = oldEmail.Trim(),
            ChangedTo = newEmail.Trim(),
            ChangedUtc = now,
            UndoKeyHash = Hash(key),
            UndoUntilUtc = now + LinkLifetime,
        });
        audit.Record(user.Id, user.DisplayName, "user.email-changed", "user", user.Id, $"Email address changed from {oldEmail} to {newEmail}");
        return key;
    }

    /// <summary>The change a link would undo, if the link still works (for the page that asks to confirm).</summary>
    public async Task<PreviousEmail?> FindAsync(string? key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 100)
        {
            return null;
        }

        var hash = Hash(key);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.PreviousEmails.SingleOrDefaultAsync(
            p => p.UndoKeyHash == hash && p.UndoneUtc == null && p.UndoUntilUtc > now && p.Email != "", cancellationToken);
    }

    /// <summary>
    /// Undoes the change the link names, in one transaction. Refused as not found when the link does not work
    /// (<see cref="UndoOutcome.LinkDoesNotWork"/>), as a conflict when another account has the old address now
    /// (<see cref="UndoOutcome.AddressTaken"/>).
    /// </summary>
    public async Task<Outcome<RestoredAddress>> UndoAsync(string? key, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var change = await FindAsync(key, cancellationToken);
        var user = change is null ? null : await users.FindByIdAsync(change.UserId);
        if (change is null || user is null)
        {
            return Outcome.Refuse<RestoredAddress>(Refusal.NotFound, "This link does not work", reason: UndoOutcome.LinkDoesNotWork);
        }

        if (await users.FindByEmailAsync(change.Email) is { } holder && holder.Id != user.Id)
        {
            return Outcome.Refuse<RestoredAddress>(Refusal.Conflict, "Another account has this email address now", reason: UndoOutcome.AddressTaken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = user.Email ?? "";

        // Single use, and later changes' links die with it: they were made by whoever is being shut out.
        var laterChanges = await db.PreviousEmails
            .Where(p => p.UserId == user.Id && p.UndoneUtc == null && p.ChangedUtc >= change.ChangedUtc).ToListAsync(cancellationToken);
        foreach (var later in laterChanges)
        {
            later.UndoneUtc = now;
        }

        user.UserName = change.Email;
        user.NormalizedUserName = users.NormalizeName(change.Email);
        user.Email = change.Email;
        user.NormalizedEmail = users.NormalizeEmail(change.Email);

        // Following the link proves the person reads the old address.
        user.EmailConfirmed = true;

        // No password until the owner chooses one through the reset journey (whose link goes to the restored address);
        // a new security stamp ends every session at its next check, and the session rows end now.
        user.PasswordHash = null;
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndOthersAsync(new Actor(user.Id, user.DisplayName), user.Id, keepSessionId: null, cancellationToken);
        audit.Record(user.Id, user.DisplayName, "user.email-change-undone", "user", user.Id,
            $"Email address changed back from {from} to {change.Email} with the link sent to {change.Email}; signed out everywhere and password removed");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Success(new RestoredAddress(user, change.Email));
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
