namespace LearningPortal.Core.ActionPlans;

/// <summary>A plan as an Editor describes it.</summary>
public sealed record PlanInput(string? Title, int? DocumentId, Guid? ObjectiveId, bool IsPublic, IReadOnlyList<string> EditorIds);

/// <summary>
/// An action as an Editor describes it. The owner is an agency or a partnership group (exactly one); the lead is optional
/// (without one the action "needs a lead"). <see cref="Status"/> is used when changing an existing action.
/// </summary>
public sealed record ActionInput(
    string? What,
    string? PublicSummary,
    Guid? RecommendationId,
    int? OwnerAgencyId,
    int? OwnerGroupId,
    string? LeadUserId,
    DateOnly? DueOn,
    PlanActionStatus Status = PlanActionStatus.NotStarted);

/// <summary>A file given as evidence, read into memory (the size is checked before).</summary>
public sealed record EvidenceFileInput(string FileName, byte[] Content);

/// <summary>A progress update: a note, evidence (words, links, files) and the status it leaves the action in.</summary>
public sealed record UpdateInput(string? Text, string? Evidence, string? Links, PlanActionStatus Status, IReadOnlyList<EvidenceFileInput> Files);
