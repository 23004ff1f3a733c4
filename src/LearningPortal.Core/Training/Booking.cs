using LearningPortal.Core.Accounts;

namespace LearningPortal.Core.Training;

/// <summary>
/// One person's booking on one session: a place (confirmed or waiting for approval), a place on the
/// waiting list, or a booking that has ended (cancelled, declined, expired). There is at most one per
/// person per session (unique index); booking again reuses the row.
/// </summary>
public class Booking
{
    public int Id { get; set; }

    public int SessionId { get; set; }

    public TrainingSession Session { get; set; } = default!;

    public string UserId { get; set; } = "";

    public PortalUser? User { get; set; }

    public BookingStatus Status { get; set; }

    /// <summary>The order of arrival on the session (1, 2, 3...); the waiting list is served in this order.</summary>
    public int QueueNumber { get; set; }

    /// <summary>The attendee's name as confirmed in the booking journey.</summary>
    public string AttendeeName { get; set; } = "";

    public string AttendeeEmail { get; set; } = "";

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public string JobRole { get; set; } = "";

    public string? AccessNeeds { get; set; }

    public string? DietaryNeeds { get; set; }

    public string? LineManagerName { get; set; }

    public string? LineManagerEmail { get; set; }

    public DateTime RequestedUtc { get; set; }

    /// <summary>When the person was given a place (at once, or from the waiting list).</summary>
    public DateTime? PlaceGivenUtc { get; set; }

    public DateTime? ConfirmedUtc { get; set; }

    public DateTime? CancelledUtc { get; set; }

    /// <summary>Cancelled after the cut-off (by partnership staff), which the charging policy may charge for.</summary>
    public bool CancelledLate { get; set; }

    public string? CancelledByUserId { get; set; }

    /// <summary>The calendar invitation's UID: the same for every update of this booking's invitation.</summary>
    public Guid CalendarUid { get; set; }

    /// <summary>The invitation's SEQUENCE; raised with each update so calendars replace the older one.</summary>
    public int CalendarSequence { get; set; }

    /// <summary>Set when the reminder has been claimed and queued (exactly once).</summary>
    public DateTime? ReminderSentUtc { get; set; }

    public AttendanceRecord? Attendance { get; set; }

    /// <summary>
    /// When retention replaced the attendee's details (name, email, needs, line manager) once the booking had been kept
    /// for its configured period; the row stays for counts and charging history.
    /// </summary>
    public DateTime? AnonymisedUtc { get; set; }

    public bool HoldsPlace => Status is BookingStatus.Confirmed or BookingStatus.PendingApproval;

    public bool IsActive => HoldsPlace || Status == BookingStatus.Waitlisted;
}

/// <summary>Where a booking stands.</summary>
public enum BookingStatus
{
    /// <summary>Holds a place until the line manager decides.</summary>
    PendingApproval = 0,
    Confirmed = 1,
    Waitlisted = 2,
    Cancelled = 3,

    /// <summary>The line manager declined; the place went to the next person.</summary>
    Declined = 4,

    /// <summary>The line manager did not answer in time; the place went to the next person.</summary>
    Expired = 5,
}
