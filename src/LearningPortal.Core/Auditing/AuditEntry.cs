namespace LearningPortal.Core.Auditing;

/// <summary>One line of the audit log: who did what to which thing, and when.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime OccurredUtc { get; set; }

    /// <summary>The user who acted; null for the system (jobs, commands).</summary>
    public string? ActorUserId { get; set; }

    public string ActorName { get; set; } = "";

    /// <summary>A dotted action name, e.g. "user.roles.changed".</summary>
    public string Action { get; set; } = "";

    /// <summary>The kind of thing acted on, e.g. "user".</summary>
    public string SubjectType { get; set; } = "";

    public string SubjectId { get; set; } = "";

    /// <summary>A human-readable description of the change.</summary>
    public string Details { get; set; } = "";
}
