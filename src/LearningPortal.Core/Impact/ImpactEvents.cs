namespace LearningPortal.Core.Impact;

/// <summary>
/// What the other modules tell Impact, written through <see cref="ImpactFeed"/> in the same unit of work as the change
/// itself (the journal pattern): saved or rolled back with it, so Impact's read models never miss or invent one.
/// </summary>
public interface IImpactEvent;

/// <summary>Training: a register entry was marked or corrected.</summary>
public sealed record AttendanceMarked(
    int BookingId, string UserId, int AgencyId, int CourseId, string CourseTitle, int SessionId, DateTime StartUtc, DateTime EndUtc,
    AttendanceResult Result, bool HasCertificate) : IImpactEvent;

/// <summary>
/// Supervision: a discussion record was finalised (its supervisor and participants with their confidence before and
/// after, title, date and the briefing whose questions it used, if any; never its text).
/// </summary>
public sealed record DiscussionFinalised(
    int RecordId, string Kind, DateOnly HeldOn, string Title, int? DocumentId, string? SupervisorId, int SupervisorAgencyId,
    IReadOnlyList<DiscussionPerson> Participants) : IImpactEvent;

/// <summary>A participant of a finalised discussion: their agency then, and their confidence (1 to 5) before and after, if given.</summary>
public sealed record DiscussionPerson(string UserId, int AgencyId, int? ConfidenceBefore = null, int? ConfidenceAfter = null);
