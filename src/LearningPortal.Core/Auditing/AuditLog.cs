using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Auditing;

/// <summary>Adds lines to the audit log. The entry joins the caller's unit of work: it is saved with the change it records.</summary>
public class AuditLog(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Records what <paramref name="actor"/> did; the caller saves it with the change it describes.</summary>
    public AuditEntry Record(Actor actor, string action, string subjectType, string subjectId, string details) =>
        Record(actor.UserId, actor.Name, action, subjectType, subjectId, details);

    /// <summary>Records an action; the caller saves it with the change it describes.</summary>
    public AuditEntry Record(string? actorUserId, string actorName, string action, string subjectType, string subjectId, string details)
    {
        var entry = new AuditEntry
        {
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actorUserId,
            ActorName = actorName,
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Details = details.Length > 4000 ? details[..4000] : details,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>
    /// The name to show for each entry's actor, the one way every page shows it: the person's current display
    /// name (the entry keeps their user id), or the name recorded at the time for the system or a deleted account.
    /// </summary>
    public async Task<Func<AuditEntry, string>> ActorNamesAsync(IEnumerable<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        var ids = entries.Select(e => e.ActorUserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return e => e.ActorUserId is { } id && names.TryGetValue(id, out var name) && !string.IsNullOrEmpty(name) ? name : e.ActorName;
    }
}
