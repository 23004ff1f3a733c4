namespace LearningPortal.Core.Impact;

/// <summary>
/// Impact's copy of one training booking as the impact pages count it: whether it holds a place on a session that was
/// not cancelled, and what the register says. Written by <see cref="ImpactFeed"/> in the session lock's transaction after
/// any change to the session's places or register (<see cref="SessionBookings"/>), so Impact never reads Training's
/// tables. Rebuilt by <c>rebuild-impact</c>; deleted with the booking. The person is kept only to count GCP2-trained
/// practitioners once each; no page shows who.
/// </summary>
public class ImpactBooking
{
    public int BookingId { get; set; }

    public int SessionId { get; set; }

    public int CourseId { get; set; }

    public string CourseTitle { get; set; } = "";

    /// <summary>Whether the course licenses the Graded Care Profile 2 (copied with the booking).</summary>
    public bool LicensesGcp2 { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>The agency on the booking (the person's agency when they booked).</summary>
    public int AgencyId { get; set; }

    public DateTime StartUtc { get; set; }

    /// <summary>Holds a place (confirmed or awaiting approval) on a session that goes ahead.</summary>
    public bool HoldsPlace { get; set; }

    /// <summary>What the register says; null until it is marked.</summary>
    public AttendanceResult? Attendance { get; set; }
}

/// <summary>
/// Impact's copy of one feedback response: where it was given (a briefing or a training session), the agency if known,
/// when (a month only, for anonymous forms), and the three figures the impact pages use. Written by
/// <see cref="ImpactFeed"/> in the response's own transaction (<see cref="FeedbackGiven"/>); rebuilt by <c>rebuild-impact</c>;
/// deleted with the response. Never who answered, never any text.
/// </summary>
public class ImpactFeedback
{
    public int ResponseId { get; set; }

    public int FormId { get; set; }

    public int? DocumentId { get; set; }

    public int? SessionId { get; set; }

    public int? AgencyId { get; set; }

    public DateTime SubmittedUtc { get; set; }

    /// <summary>How useful (1 poor to 5 excellent): the form's usefulness rating, see <see cref="ImpactEventsFrom.Feedback"/>.</summary>
    public int? Usefulness { get; set; }

    public int? ConfidenceBefore { get; set; }

    public int? ConfidenceAfter { get; set; }
}

/// <summary>
/// How many of an agency's practitioners the partnership wants trained to use the Graded Care Profile 2, set by
/// Editors on /manage/impact/gcp2-targets. Impact's own data. <see cref="Version"/> catches a change by someone else.
/// </summary>
public class Gcp2Target
{
    public int AgencyId { get; set; }

    public int Target { get; set; }

    public int Version { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
