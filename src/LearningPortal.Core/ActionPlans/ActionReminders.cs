using System.Text;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Data;
using LearningPortal.Core.Email;
using LearningPortal.Core.Notifications;
using LearningPortal.Core.Time;
using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.ActionPlans;

/// <summary>What one run of the reminders did.</summary>
public sealed record ActionReminderRun(int DueSoon, int Overdue, int LeadsReturned, int Summaries);

/// <summary>
/// The scheduled emails of action plans: a reminder to the lead before the due date, a notice when the action becomes
/// overdue, actions handed back to the plan's Editors when their lead's account is disabled or deleted ("needs a lead"),
/// and the weekly summary to each plan's Editors. Each is claimed by a conditional update and queued in the same
/// transaction, so however many instances run the job, it is sent once.
/// </summary>
public class ActionReminders(
    PortalDbContext db,
    EmailOutbox outbox,
    ActionPlanning planning,
    AuditLog audit,
    NotificationPublisher notifications,
    ISiteAddress site,
    IOptionsMonitor<ActionPlanOptions> options,
    TimeProvider clock)
{
    public async Task<ActionReminderRun> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(UkTime.FromUtc(now));
        var leads = await ReturnLeadsAsync(now, cancellationToken);
        var soon = await DueSoonAsync(now, today, cancellationToken);
        var overdue = await OverdueAsync(now, today, cancellationToken);
        var summaries = await WeeklySummariesAsync(today, cancellationToken);
        return new ActionReminderRun(soon, overdue, leads, summaries);
    }

    private async Task<int> DueSoonAsync(DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var horizon = today.AddDays(options.CurrentValue.ReminderDaysBefore);
        var ids = await db.PlanActions.AsNoTracking()
            .Where(a => a.Status != PlanActionStatus.Done && a.LeadUserId != null && a.DueReminderSentUtc == null && a.DueOn >= today && a.DueOn <= horizon)
            .Select(a => a.Id).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in ids)
        {
            sent += await ClaimAndSendAsync(id, a => a.DueReminderSentUtc == null,
                q => q.ExecuteUpdateAsync(s => s.SetProperty(a => a.DueReminderSentUtc, now), cancellationToken),
                a => ($"Reminder: an action you lead is due on {ActionPlanning.Format(a.DueOn)}",
                    $"Action {a.Number} of the plan '{a.PlanTitle}' is due on {ActionPlanning.Format(a.DueOn)}:\n\n{a.What}\n\n"
                    + $"Add a progress update, or mark it done with a closing note and evidence:\n{new Uri(site.BaseUri, $"/actions/{a.Id}")}\n"),
                cancellationToken);
        }

        return sent;
    }

    private async Task<int> OverdueAsync(DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var ids = await db.PlanActions.AsNoTracking()
            .Where(a => a.Status != PlanActionStatus.Done && a.LeadUserId != null && a.OverdueNoticeSentUtc == null && a.DueOn < today)
            .Select(a => a.Id).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in ids)
        {
            sent += await ClaimAndSendAsync(id, a => a.OverdueNoticeSentUtc == null,
                q => q.ExecuteUpdateAsync(s => s.SetProperty(a => a.OverdueNoticeSentUtc, now), cancellationToken),
                a => ($"Overdue: an action you lead was due on {ActionPlanning.Format(a.DueOn)}",
                    $"Action {a.Number} of the plan '{a.PlanTitle}' was due on {ActionPlanning.Format(a.DueOn)} and is not done:\n\n{a.What}\n\n"
                    + $"Please add a progress update saying where it stands:\n{new Uri(site.BaseUri, $"/actions/{a.Id}")}\n"),
                cancellationToken);
        }

        return sent;
    }

    private sealed record Mail(int Id, int Number, string PlanTitle, string What, DateOnly DueOn, string? Email, string Name);

    private async Task<int> ClaimAndSendAsync(
        int id,
        System.Linq.Expressions.Expression<Func<PlanAction, bool>> unclaimed,
        Func<IQueryable<PlanAction>, Task<int>> claim,
        Func<Mail, (string Subject, string Text)> write,
        CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        // A second instance blocks on the row (PostgreSQL) or the write lock (SQLite), then matches nothing.
        if (await claim(db.PlanActions.Where(a => a.Id == id).Where(unclaimed)) != 1)
        {
            return 0;
        }

        var mail = await db.PlanActions.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Id, a.Number, a.Plan.Title, a.What, a.DueOn, Lead = db.Users.Where(u => u.Id == a.LeadUserId && !u.IsDisabled).Select(u => new { u.Email, u.DisplayName }).FirstOrDefault() })
            .SingleAsync(cancellationToken);
        if (mail.Lead?.Email is { } email)
        {
            var (subject, text) = write(new Mail(mail.Id, mail.Number, mail.Title, mail.What, mail.DueOn, email, mail.Lead.DisplayName));
            outbox.Queue(email, mail.Lead.DisplayName, subject, $"Dear {mail.Lead.DisplayName},\n\n{text}");
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return 1;
    }

    /// <summary>Actions whose lead's account was disabled or deleted go back to the plan's Editors, flagged "needs a lead".</summary>
    private async Task<int> ReturnLeadsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var ids = await db.PlanActions.AsNoTracking()
            .Where(a => !a.NeedsLead && a.Status != PlanActionStatus.Done
                && (a.LeadUserId == null || db.Users.Any(u => u.Id == a.LeadUserId && u.IsDisabled)))
            .Select(a => a.Id).ToListAsync(cancellationToken);
        var returned = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
            var leadName = await db.PlanActions.Where(a => a.Id == id).Select(a => db.Users.Where(u => u.Id == a.LeadUserId).Select(u => u.DisplayName).FirstOrDefault()).SingleOrDefaultAsync(cancellationToken);
            if (await db.PlanActions.Where(a => a.Id == id && !a.NeedsLead)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.NeedsLead, true).SetProperty(a => a.LeadUserId, (string?)null).SetProperty(a => a.Version, a => a.Version + 1), cancellationToken) != 1)
            {
                continue;
            }

            var action = await db.PlanActions.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Id, a.Number, a.What, a.PlanId, a.Plan.Title, a.Plan.DocumentId }).SingleAsync(cancellationToken);
            var what = $"Lead {(leadName is null ? "account deleted" : $"{leadName}'s account disabled")}: the action is back with the plan's Editors and needs a lead";
            planning.History(id, ActionActor.System, what);
            audit.Record(null, "System", "action.lead.returned", "action", ActionPlanning.Id(id), $"Action {action.Number} of plan '{action.Title}': {what}");
            foreach (var editor in await EditorsOfAsync(action.PlanId, cancellationToken))
            {
                outbox.Queue(editor.Email, editor.Name, $"An action needs a lead: {action.Title}",
                    $"Dear {editor.Name},\n\nAction {action.Number} of the plan '{action.Title}' has no lead any more ({(leadName is null ? "their account was deleted" : "their account was disabled")}):\n\n{action.What}\n\n"
                    + $"Choose a new lead:\n{new Uri(site.BaseUri, $"/manage/actions/{id}")}\n");
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await notifications.PublishAsync(new ActionPlanChanged(action.PlanId, action.DocumentId), cancellationToken);
            returned++;
        }

        return returned;
    }

    /// <summary>Once a week (from Monday, UK time) each plan's Editors get what changed in the last seven days and what is overdue.</summary>
    private async Task<int> WeeklySummariesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var plans = await db.ActionPlans.AsNoTracking().Where(p => p.SummaryWeekOf == null || p.SummaryWeekOf < monday).Select(p => p.Id).ToListAsync(cancellationToken);
        var sent = 0;
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-7);
        foreach (var planId in plans)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
            if (await db.ActionPlans.Where(p => p.Id == planId && (p.SummaryWeekOf == null || p.SummaryWeekOf < monday))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.SummaryWeekOf, monday), cancellationToken) != 1)
            {
                continue;
            }

            var plan = await db.ActionPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Title).SingleAsync(cancellationToken);
            var changes = await db.ActionHistory.AsNoTracking().Where(h => h.OccurredUtc >= since && db.PlanActions.Any(a => a.Id == h.ActionId && a.PlanId == planId))
                .OrderBy(h => h.Id).Select(h => new { h.What, h.ActorName, h.OccurredUtc }).ToListAsync(cancellationToken);
            var overdue = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == planId && a.Status != PlanActionStatus.Done && a.DueOn < today)
                .OrderBy(a => a.DueOn).Select(a => new { a.Number, a.What, a.DueOn }).ToListAsync(cancellationToken);
            var editors = await EditorsOfAsync(planId, cancellationToken);
            if (editors.Count > 0 && (changes.Count > 0 || overdue.Count > 0))
            {
                var text = new StringBuilder();
                text.Append("What changed in the last seven days:\n");
                text.Append(changes.Count == 0 ? "- nothing\n" : string.Concat(changes.Select(c => $"- {UkTime.Format(c.OccurredUtc)}, {c.ActorName}: {c.What}\n")));
                text.Append("\nOverdue:\n");
                text.Append(overdue.Count == 0 ? "- nothing\n" : string.Concat(overdue.Select(o => $"- Action {o.Number}, due {ActionPlanning.Format(o.DueOn)}: {o.What}\n")));
                text.Append($"\nSee the plan's actions:\n{new Uri(site.BaseUri, $"/manage/actions?plan={planId}")}\n");
                text.Append($"\nOr its page of the action plans report (overdue and why, what changed, printable):\n{new Uri(site.BaseUri, $"/manage/actions/report/plans/{planId}")}\n");
                foreach (var editor in editors)
                {
                    outbox.Queue(editor.Email, editor.Name, $"Weekly summary: {plan}", $"Dear {editor.Name},\n\n{text}");
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sent++;
        }

        return sent;
    }

    private async Task<List<(string Email, string Name)>> EditorsOfAsync(int planId, CancellationToken cancellationToken) =>
        (await db.PlanEditors.AsNoTracking().Where(e => e.PlanId == planId)
            .Join(db.Users.Where(u => !u.IsDisabled && u.Email != null), e => e.UserId, u => u.Id, (e, u) => new { u.Email, u.DisplayName })
            .ToListAsync(cancellationToken)).Select(u => (u.Email!, u.DisplayName)).ToList();
}
