using LearningPortal.Core.Accounts;

namespace LearningPortal.Core.Training;

/// <summary>
/// A dated run of a <see cref="Course"/> with a limited number of places. Times are UTC (entered and shown
/// in UK time). <see cref="PlacesTaken"/> and <see cref="NextQueueNumber"/> change only inside the
/// booking service's per-session lock, so they are exact.
/// </summary>
public class TrainingSession
{
    public int Id { get; set; }

    public int CourseId { get; set; }

    public Course Course { get; set; } = default!;

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    public SessionFormat Format { get; set; }

    /// <summary>Where an in-person session is held.</summary>
    public string? Venue { get; set; }

    /// <summary>The joining link of an online session; shown only to people with a confirmed place.</summary>
    public string? JoiningLink { get; set; }

    public int Capacity { get; set; }

    public DateTime BookingOpensUtc { get; set; }

    public DateTime BookingClosesUtc { get; set; }

    public string Trainer { get; set; } = "";

    /// <summary>At most this many bookings (places and waiting list) from any one agency; null for no limit.</summary>
    public int? AgencyPlaceLimit { get; set; }

    /// <summary>A booking waits until the person's line manager approves it through a link in an email.</summary>
    public bool RequiresManagerApproval { get; set; }

    public bool IsCancelled { get; set; }

    public DateTime? CancelledUtc { get; set; }

    public string? CancellationReason { get; set; }

    /// <summary>Confirmed bookings plus those waiting for approval: the places in use.</summary>
    public int PlacesTaken { get; set; }

    /// <summary>The next arrival number; bookings take it in turn, so the waiting list is first come, first served.</summary>
    public int NextQueueNumber { get; set; } = 1;

    /// <summary>Raised by every change an editor makes; guards against two editors overwriting each other.</summary>
    public int Version { get; set; } = 1;

    public DateTime CreatedUtc { get; set; }

    public List<Booking> Bookings { get; set; } = [];

    public int PlacesLeft => Math.Max(0, Capacity - PlacesTaken);

    /// <summary>The place to show: the venue, or "Online".</summary>
    public string Where => Format == SessionFormat.Online ? "Online" : Venue ?? "";
}

/// <summary>In a room or online.</summary>
public enum SessionFormat
{
    InPerson = 0,
    Online = 1,
}
