using System.Globalization;
using LearningPortal.Core.Accounts;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Data;
using LearningPortal.Core.Email;
using LearningPortal.Core.Time;
using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Privacy;

/// <summary>What one retention run did.</summary>
public sealed record RetentionRun(int AccountsWarned, int AccountsDeleted, int BookingsAnonymised, int AuditEntriesDeleted, int ActionHistoryDeleted, int ReadsSummarised = 0);

/// <summary>
/// Applies <see cref="RetentionOptions"/>: warns the holders of unused accounts and deletes those still unused after
/// the warning period; anonymises bookings and registers kept for their period; deletes old audit entries and action
/// history; unlinks briefing reads from their readers after <see cref="RetentionOptions.ReadsLinkedMonths"/> (the counts
/// stay). Deleting an account deletes the person's learning record (briefings marked read and reflected with their
/// private notes, learning added by hand, the record's copies of their attendance and discussions: cascades in the
/// database) and keeps their reads as counts that belong to nobody. Deleting an account keeps the rules for shared records (supervision records and actions stay and show a
/// former user); an account is not deleted while it has bookings still inside their retention period (they are kept for
/// charging and audit), only once the last has been anonymised. Run by <see cref="RetentionJob"/>; safe on several
/// instances at once (each account is claimed before it is warned or deleted).
/// </summary>
public class PersonalDataRetention(PortalDbContext db, EmailOutbox outbox, AuditLog audit, IOptionsMonitor<RetentionOptions> options,
    ISiteAddress site, TimeProvider clock, ILogger<PersonalDataRetention> logger)
{
    /// <summary>The name the audit log gives the retention job.</summary>
    public const string ActorName = "Retention";

    /// <summary>The placeholder for an anonymised attendee's name.</summary>
    public const string FormerAttendee = "Former attendee";

    private const int Batch = 200;

    public async Task<RetentionRun> RunAsync(CancellationToken cancellationToken = default)
    {
        var warned = await WarnUnusedAccountsAsync(cancellationToken);
        var anonymised = await AnonymiseBookingsAsync(cancellationToken);
        var deleted = await DeleteUnusedAccountsAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var o = options.CurrentValue;
        var auditCutOff = now.AddYears(-o.AuditYears);
        var audits = await db.AuditEntries.Where(e => e.OccurredUtc < auditCutOff).ExecuteDeleteAsync(cancellationToken);
        var historyCutOff = now.AddYears(-o.ActionHistoryYears);
        var history = await db.ActionHistory.Where(h => h.OccurredUtc < historyCutOff).ExecuteDeleteAsync(cancellationToken);

        // The day is a UK date, as the reads are recorded; one statement, so a read is never half summarised.
        var readsCutOff = UkTime.Today(now).AddMonths(-o.ReadsLinkedMonths);
        var reads = await db.BriefingReads.Where(r => r.UserId != null && r.Day < readsCutOff)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.UserId, (string?)null), cancellationToken);
        return new RetentionRun(warned, deleted, anonymised, audits, history, reads);
    }

    private async Task<int> WarnUnusedAccountsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var o = options.CurrentValue;
        var unusedSince = now.AddYears(-o.AccountUnusedYears);
        var deleteOn = UkTime.Today(now).AddDays(o.AccountWarningDays);

        // A warning counts only if it is newer than the last sign-in: someone who came back and left again is warned again.
        IQueryable<PortalUser> Due() => db.Users.Where(u => (u.LastSignInUtc ?? u.CreatedUtc) < unusedSince
            && (u.RetentionWarningSentUtc == null || u.RetentionWarningSentUtc < (u.LastSignInUtc ?? u.CreatedUtc)));

        var total = 0;
        while (true)
        {
            // Each account leaves Due() once claimed, by this instance or another, so the loop ends.
            var ids = await Due().OrderBy(u => u.Id).Select(u => u.Id).Take(Batch).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }

            foreach (var id in ids)
            {
                // The claim, the email and the audit entry commit together; another instance's claim of the same account
                // waits for this one and then finds it no longer due, so nobody is warned twice.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (await Due().Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.RetentionWarningSentUtc, now), cancellationToken) == 0)
                {
                    continue;
                }

                var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Email, u.DisplayName }).SingleAsync(cancellationToken);
                if (!string.IsNullOrEmpty(user.Email))
                {
                    outbox.Queue(user.Email, user.DisplayName, "Your Learning Portal account will be deleted", $"""
                        Dear {user.DisplayName},

                        Nobody has signed in to your Learning Portal account for {o.AccountUnusedYears} years, so we will delete it on {deleteOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}.

                        To keep your account, sign in before then:
                        {new Uri(site.BaseUri, "/account/sign-in")}

                        If you do nothing, your name, email address, agency, job role and password are deleted. Records shared with others (supervision records, actions) stay and show a former user.

                        Learning Portal
                        """);
                }

                audit.Record(null, ActorName, "user.retention.warned", "user", id, $"Warned that the account is unused and will be deleted on {deleteOn:yyyy-MM-dd}");
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                total++;
            }
        }
    }

    private async Task<int> DeleteUnusedAccountsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var o = options.CurrentValue;
        var warnedBefore = now.AddDays(-o.AccountWarningDays);
        var unusedSince = now.AddYears(-o.AccountUnusedYears);
        IQueryable<PortalUser> Due() => db.Users
            .Where(u => u.RetentionWarningSentUtc != null && u.RetentionWarningSentUtc < warnedBefore
                && u.RetentionWarningSentUtc >= (u.LastSignInUtc ?? u.CreatedUtc)
                && (u.LastSignInUtc ?? u.CreatedUtc) < unusedSince
                && !db.Bookings.Any(b => b.UserId == u.Id && b.AnonymisedUtc == null));
        var ids = await Due().OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(cancellationToken);
        var deleted = 0;
        foreach (var id in ids)
        {
            // One account per transaction: the claim, its anonymised bookings (nothing personal left in them, but they
            // still point at the account), its evaluation invitations, the account, the audit entry and the goodbye email.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                // The claim locks the row: another instance deleting the same account waits, then finds it gone. It also
                // checks again that the holder has not signed in since the list was read.
                if (await Due().Where(u => u.Id == id)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.RetentionWarningSentUtc, x => x.RetentionWarningSentUtc), cancellationToken) == 0)
                {
                    continue;
                }

                var user = await db.Users.SingleAsync(u => u.Id == id, cancellationToken);
                await db.Bookings.Where(b => b.UserId == id).ExecuteDeleteAsync(cancellationToken);
                await db.FeedbackInvitations.Where(i => i.UserId == id).ExecuteDeleteAsync(cancellationToken);
                await db.Gcp2Register.Where(g => g.UserId == id).ExecuteDeleteAsync(cancellationToken);
                if (!string.IsNullOrEmpty(user.Email))
                {
                    outbox.Queue(user.Email, user.DisplayName, "Your Learning Portal account has been deleted", $"""
                        Dear {user.DisplayName},

                        Nobody had signed in to your Learning Portal account for {o.AccountUnusedYears} years, so we have deleted it, as we told you we would.

                        To use the portal again, create a new account.

                        Learning Portal
                        """);
                }

                audit.Record(null, ActorName, "user.deleted", "user", id, $"Account deleted after {o.AccountUnusedYears} years unused");
                db.Users.Remove(user);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                deleted++;
            }
            catch (DbUpdateException ex)
            {
                // One account that cannot go (a record another module added that refuses it) must not stop the rest; the
                // transaction rolls back, with the email and audit entry.
                logger.LogError(ex, "Retention could not delete the unused account {UserId}; it will try again at the next run.", id);
            }
        }

        db.ChangeTracker.Clear();
        return deleted;
    }

    private async Task<int> AnonymiseBookingsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutOff = now.AddYears(-options.CurrentValue.BookingYears);
        var ended = db.TrainingSessions.Where(s => s.EndUtc < cutOff).Select(s => s.Id);
        var due = db.Bookings.Where(b => b.AnonymisedUtc == null && ended.Contains(b.SessionId)).Select(b => b.Id);

        // One transaction, so that a booking is never anonymised while its register still names the person.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.AttendanceRecords.Where(a => due.Contains(a.BookingId))
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Notes, (string?)null).SetProperty(x => x.SubstituteName, (string?)null), cancellationToken);
        await db.Gcp2Register.Where(g => due.Contains(g.BookingId))
            .ExecuteUpdateAsync(g => g.SetProperty(x => x.PractitionerName, FormerAttendee), cancellationToken);
        await db.ApprovalRequests.Where(r => due.Contains(r.BookingId)).ExecuteDeleteAsync(cancellationToken);
        await db.FeedbackInvitations.Where(i => ended.Contains(i.SessionId)).ExecuteDeleteAsync(cancellationToken);
        var count = await db.Bookings.Where(b => b.AnonymisedUtc == null && ended.Contains(b.SessionId))
            .ExecuteUpdateAsync(b => b
                .SetProperty(x => x.AttendeeName, FormerAttendee)
                .SetProperty(x => x.AttendeeEmail, "")
                .SetProperty(x => x.JobRole, "")
                .SetProperty(x => x.AccessNeeds, (string?)null)
                .SetProperty(x => x.DietaryNeeds, (string?)null)
                .SetProperty(x => x.LineManagerName, (string?)null)
                .SetProperty(x => x.LineManagerEmail, (string?)null)
                .SetProperty(x => x.AnonymisedUtc, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }
}
