using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Supervision;

/// <summary>Where an open action stands against today's date.</summary>
public enum ActionUrgency
{
    Open,
    DueSoon,
    Overdue,
    Done,
}

/// <summary>An action as its owner or the record's supervisor sees it in a list.</summary>
public sealed record ActionItem(int Id, int RecordId, DateOnly HeldOn, DiscussionKind Kind, string What, string? OwnerId, DateOnly DueOn, ActionStatus Status, string? DoneNote, ActionUrgency Urgency);

/// <summary>A follow-up date coming up on one of a supervisor's records.</summary>
public sealed record FollowUpItem(int RecordId, DateOnly HeldOn, DiscussionKind Kind, string QuestionSetTitle, DateOnly FollowUpOn);

/// <summary>
/// Following up agreed actions: "My actions" for everyone, the actions and follow-ups of a supervisor's own
/// records, and marking an action done. Only actions on final records count: a draft's actions are not agreed yet.
/// </summary>
public class SupervisionActions(PortalDbContext db, DiscussionRecords records, IOptionsMonitor<SupervisionOptions> options, TimeProvider clock)
{
    /// <summary>Today's date in the UK, which due dates are compared with.</summary>
    public DateOnly Today => DateOnly.FromDateTime(UkTime.FromUtc(clock.GetUtcNow().UtcDateTime));

    /// <summary>This person's actions, for My actions. An action's wording is part of its record, so each record shown is audited.</summary>
    public async Task<IReadOnlyList<ActionItem>> MineAsync(string userId, CancellationToken cancellationToken = default) =>
        await ListAsync(db.AgreedActions.Where(a => a.OwnerId == userId), userId, "Saw its actions in My actions", cancellationToken);

    /// <summary>The open actions of the records this person supervises; each record shown is audited.</summary>
    public async Task<IReadOnlyList<ActionItem>> OpenOfMyRecordsAsync(string supervisorId, CancellationToken cancellationToken = default) =>
        await ListAsync(db.AgreedActions.Where(a => a.Record.SupervisorId == supervisorId && a.Status == ActionStatus.Open), supervisorId, "Saw its actions on the supervision home page", cancellationToken);

    public async Task<IReadOnlyList<FollowUpItem>> UpcomingFollowUpsAsync(string supervisorId, CancellationToken cancellationToken = default)
    {
        var today = Today;
        return await db.DiscussionRecords.AsNoTracking()
            .Where(r => r.SupervisorId == supervisorId && r.FollowUpOn != null && r.FollowUpOn >= today)
            .OrderBy(r => r.FollowUpOn)
            .Select(r => new FollowUpItem(r.Id, r.HeldOn, r.Kind, r.QuestionSetTitle, r.FollowUpOn!.Value))
            .ToListAsync(cancellationToken);
    }

    /// <summary>An action its owner may mark done, or null; showing it is audited when <paramref name="audit"/> (not when about to save).</summary>
    public async Task<ActionItem?> FindOwnAsync(int actionId, string userId, bool audit = true, CancellationToken cancellationToken = default) =>
        (await ListAsync(db.AgreedActions.Where(a => a.Id == actionId && a.OwnerId == userId), userId, audit ? "Opened an action to mark it done" : null, cancellationToken)).SingleOrDefault();

    /// <summary>The owner marks their action done, with a note; audited on the record.</summary>
    public async Task<Outcome> MarkDoneAsync(int actionId, string userId, string? note, CancellationToken cancellationToken = default)
    {
        var action = await db.AgreedActions
            .SingleOrDefaultAsync(a => a.Id == actionId && a.OwnerId == userId && a.Record.State == RecordState.Final, cancellationToken);
        if (action is null)
        {
            return Outcome.NotFound();
        }

        if (action.Status == ActionStatus.Done)
        {
            return Outcome.NotAllowed("This action is already done");
        }

        action.Status = ActionStatus.Done;
        action.DoneUtc = clock.GetUtcNow().UtcDateTime;
        action.DoneNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        records.Audit(action.RecordId, userId, RecordAuditKind.Change, "Marked an action done");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }

    private async Task<IReadOnlyList<ActionItem>> ListAsync(IQueryable<AgreedAction> actions, string viewerId, string? auditAs, CancellationToken cancellationToken)
    {
        var today = Today;
        var soon = today.AddDays(options.CurrentValue.DueSoonDays);
        var rows = await actions.AsNoTracking()
            .Where(a => a.Record.State == RecordState.Final)
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.RecordId, a.Record.HeldOn, a.Record.Kind, a.What, a.OwnerId, a.DueOn, a.Status, a.DoneNote })
            .ToListAsync(cancellationToken);
        if (auditAs is not null && rows.Count > 0)
        {
            foreach (var recordId in rows.Select(a => a.RecordId).Distinct())
            {
                records.Audit(recordId, viewerId, RecordAuditKind.Read, auditAs);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return rows.Select(a => new ActionItem(a.Id, a.RecordId, a.HeldOn, a.Kind, a.What, a.OwnerId, a.DueOn, a.Status, a.DoneNote,
            a.Status == ActionStatus.Done ? ActionUrgency.Done
            : a.DueOn < today ? ActionUrgency.Overdue
            : a.DueOn <= soon ? ActionUrgency.DueSoon
            : ActionUrgency.Open)).ToList();
    }
}
