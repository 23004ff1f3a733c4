using LearningPortal.Core.Data;

namespace LearningPortal.Core.Auditing;

/// <summary>Adds lines to the audit log. The entry joins the caller's unit of work: it is saved with the change it records.</summary>
public class AuditLog(PortalDbContext db, TimeProvider clock)
{
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
}
