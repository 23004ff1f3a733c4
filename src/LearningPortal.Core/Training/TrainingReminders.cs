using LearningPortal.Core.Data;
using LearningPortal.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Training;

/// <summary>
/// Session reminders and GCP2 refresher reminders. Each one is claimed by a conditional update inside a
/// write transaction before its email is queued in the same transaction, so however many instances run
/// the job, each reminder is queued exactly once.
/// </summary>
public class TrainingReminders(
    PortalDbContext db,
    TrainingEmails emails,
    IOptionsMonitor<TrainingOptions> options,
    TimeProvider clock)
{
    /// <summary>Reminds people with a confirmed place on a session starting within the configured days. Returns how many were queued.</summary>
    public async Task<int> SendSessionRemindersAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now.AddDays(options.CurrentValue.ReminderDaysBefore);
        var due = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Confirmed && b.ReminderSentUtc == null
                && !b.Session.IsCancelled && b.Session.StartUtc > now && b.Session.StartUtc <= horizon)
            .Select(b => b.Id)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            sent += await ClaimAndSendAsync(
                q => q.Bookings.Where(b => b.Id == id && b.ReminderSentUtc == null && b.Status == BookingStatus.Confirmed)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.ReminderSentUtc, now), cancellationToken),
                async () =>
                {
                    var booking = await db.Bookings.Include(b => b.Session).ThenInclude(s => s.Course).SingleAsync(b => b.Id == id, cancellationToken);
                    emails.Reminder(booking, booking.Session);
                },
                cancellationToken);
        }

        return sent;
    }

    /// <summary>Reminds GCP2-trained practitioners whose refresher falls due within the configured days. Returns how many were queued.</summary>
    public async Task<int> SendGcp2RefresherRemindersAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now.AddDays(options.CurrentValue.Gcp2RefresherReminderDays);
        var due = await db.Gcp2Register.AsNoTracking()
            .Where(g => g.RefresherReminderSentUtc == null && g.RefresherDueUtc <= horizon)
            .Select(g => g.Id)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            sent += await ClaimAndSendAsync(
                q => q.Gcp2Register.Where(g => g.Id == id && g.RefresherReminderSentUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(g => g.RefresherReminderSentUtc, now), cancellationToken),
                async () =>
                {
                    var entry = await db.Gcp2Register.SingleAsync(g => g.Id == id, cancellationToken);
                    var address = await db.Users.Where(u => u.Id == entry.UserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
                    if (address is not null)
                    {
                        emails.Gcp2RefresherDue(entry, address);
                    }
                },
                cancellationToken);
        }

        return sent;
    }

    private async Task<int> ClaimAndSendAsync(Func<PortalDbContext, Task<int>> claim, Func<Task> queue, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);

        // On PostgreSQL a second claimer blocks on the row until this commits, then matches nothing;
        // on SQLite the transaction already holds the write lock.
        if (await claim(db) != 1)
        {
            return 0;
        }

        await queue();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return 1;
    }
}
