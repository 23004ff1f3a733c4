using LearningPortal.Core.Data;
using LearningPortal.Core.Email;
using LearningPortal.Core.Time;
using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Supervision;

/// <summary>
/// Reminds owners of open actions before the due date. Each reminder is claimed by a conditional update in a
/// write transaction and queued in the same transaction, so however many instances run the job it is sent once.
/// The email names no one and quotes nothing from the record: it points to My actions, behind sign-in.
/// </summary>
public class SupervisionReminders(
    PortalDbContext db,
    EmailOutbox outbox,
    ISiteAddress site,
    IOptionsMonitor<SupervisionOptions> options,
    TimeProvider clock)
{
    /// <summary>Queues the reminders now due; returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(UkTime.FromUtc(now));
        var horizon = today.AddDays(options.CurrentValue.ReminderDaysBefore);
        var due = await db.AgreedActions.AsNoTracking()
            .Where(a => a.Status == ActionStatus.Open && a.ReminderSentUtc == null && a.OwnerId != null
                && a.Record.State == RecordState.Final && a.DueOn >= today && a.DueOn <= horizon)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);

            // A second instance blocks on the row (PostgreSQL) or the write lock (SQLite), then matches nothing.
            var claimed = await db.AgreedActions.Where(a => a.Id == id && a.ReminderSentUtc == null && a.Status == ActionStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReminderSentUtc, now), cancellationToken);
            if (claimed != 1)
            {
                continue;
            }

            var action = await db.AgreedActions.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new { a.DueOn, a.Record.HeldOn, Owner = db.Users.Where(u => u.Id == a.OwnerId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefault() })
                .SingleAsync(cancellationToken);
            if (action.Owner?.Email is { } email)
            {
                var text = $"Dear {action.Owner.DisplayName},\n\n"
                    + $"An action you agreed in a supervision discussion on {Format(action.HeldOn)} is due on {Format(action.DueOn)}.\n\n"
                    + $"See it and mark it done in My actions:\n{new Uri(site.BaseUri, "supervision/actions")}\n";
                outbox.Queue(email, action.Owner.DisplayName, $"Reminder: a supervision action is due on {Format(action.DueOn)}", text);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sent++;
        }

        return sent;
    }

    private static string Format(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
