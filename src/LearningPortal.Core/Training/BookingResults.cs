namespace LearningPortal.Core.Training;

/// <summary>What the person asked for on the booking journey.</summary>
public sealed record BookingRequest(
    int SessionId,
    string UserId,
    string AttendeeName,
    int AgencyId,
    string JobRole,
    string? AccessNeeds = null,
    string? DietaryNeeds = null,
    string? LineManagerName = null,
    string? LineManagerEmail = null);

/// <summary>How a booking attempt ended.</summary>
public enum BookingOutcome
{
    Confirmed,
    AwaitingApproval,
    Waitlisted,

    /// <summary>The person already had a booking on the session (a second click): nothing changed.</summary>
    AlreadyBooked,
    Refused,
}

/// <summary>Why a booking, cancellation or change was refused.</summary>
public enum TrainingRefusal
{
    None,
    NotFound,
    NotYetOpen,
    Closed,
    SessionInPast,
    SessionCancelled,
    PrerequisiteNotMet,
    AgencyLimitReached,
    LineManagerRequired,
    PastCancellationCutOff,
    AlreadyEnded,
    CapacityBelowBooked,
    ChangedBySomeoneElse,
    RegisterNotYetOpen,
    InvalidDetails,

    /// <summary>The line manager named is the person themselves (their address, now or before).</summary>
    LineManagerIsSelf,

    /// <summary>The person already has an active booking on another session of a course that does not allow repeats.</summary>
    AlreadyBookedOnCourse,

    /// <summary>The person has attended the course already and it does not allow repeats.</summary>
    AlreadyTrained,
}

/// <summary>The result of a booking attempt; expected refusals are results, not exceptions.</summary>
public sealed record BookingResult(BookingOutcome Outcome, int? BookingId, BookingStatus? Status, int? WaitlistPosition, TrainingRefusal Refusal, string? Message)
{
    public bool Succeeded => Outcome != BookingOutcome.Refused;

    public static BookingResult Refused(TrainingRefusal refusal, string message) => new(BookingOutcome.Refused, null, null, null, refusal, message);
}

/// <summary>The result of a change that either happens or is refused with a message for the person.</summary>
public sealed record TrainingResult(TrainingRefusal Refusal, string? Message, int? Id = null)
{
    public bool Succeeded => Refusal == TrainingRefusal.None;

    public static TrainingResult Ok(int? id = null) => new(TrainingRefusal.None, null, id);

    public static TrainingResult Refused(TrainingRefusal refusal, string message) => new(refusal, message);
}
