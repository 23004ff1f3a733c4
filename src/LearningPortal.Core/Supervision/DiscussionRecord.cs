namespace LearningPortal.Core.Supervision;

/// <summary>The kind of reflective discussion.</summary>
public enum DiscussionKind
{
    OneToOne,
    Group,
    TeamMeeting,
}

/// <summary>A record is a draft (only its supervisor sees it) until finalised.</summary>
public enum RecordState
{
    Draft,
    Final,
}

/// <summary>
/// A record of a reflective discussion in supervision or a team meeting. About practice and learning, never
/// a case: it is read only by its supervisor and participants, through <see cref="DiscussionRecords"/>.
/// People are nullable references: when an account is deleted the record stays and shows a former user.
/// </summary>
public class DiscussionRecord
{
    public int Id { get; set; }

    public DiscussionKind Kind { get; set; }

    public DateOnly HeldOn { get; set; }

    /// <summary>Null once the supervisor's account is deleted.</summary>
    public string? SupervisorId { get; set; }

    /// <summary>The supervisor's agency when the record was made, for counts by agency.</summary>
    public int SupervisorAgencyId { get; set; }

    public int? QuestionSetId { get; set; }

    /// <summary>The set's title when the record was made (the set may be renamed or removed later).</summary>
    public string QuestionSetTitle { get; set; } = "";

    public string? WhatHappened { get; set; }

    public string? Reflection { get; set; }

    public string? Learning { get; set; }

    public string? WhatNext { get; set; }

    public bool EscalationNeeded { get; set; }

    public string? EscalationNote { get; set; }

    public DateOnly? FollowUpOn { get; set; }

    public RecordState State { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public DateTime? FinalisedUtc { get; set; }

    public List<DiscussionParticipant> Participants { get; set; } = [];

    public List<DiscussedQuestion> Questions { get; set; } = [];

    public List<AgreedAction> Actions { get; set; } = [];

    public List<ParticipantReflection> Reflections { get; set; } = [];
}

/// <summary>A person who took part (not the supervisor), with their optional confidence and acknowledgement.</summary>
public class DiscussionParticipant
{
    public int Id { get; set; }

    public int RecordId { get; set; }

    /// <summary>Null once the account is deleted: shown as a former user.</summary>
    public string? UserId { get; set; }

    /// <summary>The participant's agency when they were added, for counts by agency.</summary>
    public int AgencyId { get; set; }

    /// <summary>Confidence on the theme before the discussion, 1 to 5.</summary>
    public int? ConfidenceBefore { get; set; }

    public int? ConfidenceAfter { get; set; }

    public DateTime? AcknowledgedUtc { get; set; }
}

/// <summary>A question the discussion used: the exact wording at the time, and what was discussed.</summary>
public class DiscussedQuestion
{
    public int Id { get; set; }

    public int RecordId { get; set; }

    /// <summary>The question's stable id, for counts per question across versions.</summary>
    public Guid QuestionId { get; set; }

    public int Position { get; set; }

    public string Wording { get; set; } = "";

    public string? Discussion { get; set; }
}

public enum ActionStatus
{
    Open,
    Done,
}

/// <summary>An action agreed in the discussion (SMART: specific, an owner, a due date).</summary>
public class AgreedAction
{
    public int Id { get; set; }

    public int RecordId { get; set; }

    public DiscussionRecord Record { get; set; } = default!;

    public string What { get; set; } = "";

    /// <summary>A participant or the supervisor; null once that account is deleted.</summary>
    public string? OwnerId { get; set; }

    public DateOnly DueOn { get; set; }

    public ActionStatus Status { get; set; }

    public DateTime? DoneUtc { get; set; }

    public string? DoneNote { get; set; }

    /// <summary>Set when the reminder is claimed, so it is sent once.</summary>
    public DateTime? ReminderSentUtc { get; set; }
}

/// <summary>A participant's own reflection added after the discussion.</summary>
public class ParticipantReflection
{
    public int Id { get; set; }

    public int RecordId { get; set; }

    public string? AuthorId { get; set; }

    public string Text { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}

public enum RecordAuditKind
{
    Read,
    Change,
}

/// <summary>Who read or changed a record and when; shown to the people in the record, deleted with it.</summary>
public class RecordAuditEntry
{
    public long Id { get; set; }

    public int RecordId { get; set; }

    public string? UserId { get; set; }

    public DateTime AtUtc { get; set; }

    public RecordAuditKind Kind { get; set; }

    /// <summary>What happened, in words ("Finalised the record"); never the record's text.</summary>
    public string What { get; set; } = "";
}
