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

/// <summary>
/// Training: a session's places or register changed (a booking, a cancellation, a place from the waiting list, an
/// approval decided, the session moved or cancelled, the register marked). Every booking the session has, as it
/// now stands; Impact replaces its copies of the session's bookings with these.
/// </summary>
public sealed record SessionBookings(
    int SessionId, int CourseId, string CourseTitle, bool LicensesGcp2, DateTime StartUtc, IReadOnlyList<BookingPlace> Bookings) : IImpactEvent;

/// <summary>One booking of a <see cref="SessionBookings"/>: whether it holds a place on a session that goes ahead, and the register's mark.</summary>
public sealed record BookingPlace(int BookingId, string UserId, int AgencyId, bool HoldsPlace, AttendanceResult? Attendance);

/// <summary>
/// Feedback: a response was stored. Where it was given, the agency if known, when (as stored: a month for anonymous
/// forms) and its usefulness rating and confidence before and after, if the form asks them. Never who, never text.
/// </summary>
public sealed record FeedbackGiven(
    int ResponseId, int FormId, int? DocumentId, int? SessionId, int? AgencyId, DateTime SubmittedUtc,
    int? Usefulness, int? ConfidenceBefore, int? ConfidenceAfter) : IImpactEvent;

/// <summary>Training: a course was saved; its title and whether it licenses GCP2 are copied onto Impact's booking copies.</summary>
public sealed record CourseChanged(int CourseId, string Title, bool LicensesGcp2) : IImpactEvent;
