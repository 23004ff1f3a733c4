using LearningPortal.Core.Common;

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

/// <summary>How a booking attempt that was not refused ended.</summary>
public enum BookingOutcome
{
    Confirmed,
    AwaitingApproval,
    Waitlisted,

    /// <summary>The person already had a booking on the session (a second click): nothing changed.</summary>
    AlreadyBooked,
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

/// <summary>The place a booking attempt came to: the success value of <see cref="BookingService.BookAsync"/>.</summary>
/// <param name="WaitlistPosition">The person's place on the waiting list, when they are on it.</param>
public sealed record BookedPlace(BookingOutcome Outcome, int BookingId, BookingStatus Status, int? WaitlistPosition);

/// <summary>
/// Turns the training module's reasons into the shared <see cref="Outcome"/>: the reason rides along as
/// <see cref="Outcome.Reason"/>, the kind says how a page shows it.
/// </summary>
public static class TrainingOutcome
{
    /// <summary>A refusal for this reason, with the message for the person.</summary>
    public static Outcome<T> Refused<T>(TrainingRefusal reason, string message) =>
        Outcome.Refuse<T>(KindOf(reason), message, reason == TrainingRefusal.CapacityBelowBooked ? nameof(SessionDetails.Capacity) : "", reason);

    private static Refusal KindOf(TrainingRefusal reason) => reason switch
    {
        TrainingRefusal.NotFound => Refusal.NotFound,
        TrainingRefusal.ChangedBySomeoneElse => Refusal.Conflict,
        TrainingRefusal.InvalidDetails or TrainingRefusal.CapacityBelowBooked or TrainingRefusal.LineManagerRequired or TrainingRefusal.LineManagerIsSelf => Refusal.Invalid,
        _ => Refusal.NotAllowed,
    };
}
