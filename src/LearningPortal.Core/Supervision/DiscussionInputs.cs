namespace LearningPortal.Core.Supervision;

/// <summary>What a supervisor gives to start a record.</summary>
public sealed record NewDiscussion(DiscussionKind Kind, DateOnly HeldOn, int QuestionSetId, IReadOnlyList<string> ParticipantIds);

/// <summary>What a supervisor may correct while a record is a draft: the kind, the date and who took part.</summary>
public sealed record DiscussionSetUp(DiscussionKind Kind, DateOnly HeldOn, IReadOnlyList<string> ParticipantIds);

/// <summary>A question chosen for the discussion and what was said about it.</summary>
public sealed record QuestionNote(Guid QuestionId, string? Discussion);

/// <summary>An action as entered: what, who owns it (a participant or the supervisor), when it is due.</summary>
public sealed record ActionDraft(string What, string OwnerId, DateOnly DueOn);

/// <summary>A participant's confidence on the theme before and after, 1 to 5, each optional.</summary>
public sealed record ParticipantConfidence(string UserId, int? Before, int? After);

/// <summary>Everything a supervisor records about the discussion after starting it.</summary>
public sealed record DiscussionDetails(
    IReadOnlyList<QuestionNote> Questions,
    string? WhatHappened,
    string? Reflection,
    string? Learning,
    string? WhatNext,
    IReadOnlyList<ActionDraft> Actions,
    bool EscalationNeeded,
    string? EscalationNote,
    DateOnly? FollowUpOn,
    IReadOnlyList<ParticipantConfidence> Confidence);

/// <summary>A record as one of its people sees it: names resolved ("Former user" for deleted accounts) and its audit trail.</summary>
public sealed record RecordView(
    DiscussionRecord Record,
    bool IsSupervisor,
    DiscussionParticipant? Me,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyList<RecordAuditEntry> Audit)
{
    public string NameOf(string? userId) => userId is not null && Names.TryGetValue(userId, out var name) ? name : DiscussionRecords.FormerUser;
}
