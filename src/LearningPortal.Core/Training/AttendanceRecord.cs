namespace LearningPortal.Core.Training;

/// <summary>The register entry for one booking: whether the person came. Attending makes a certificate available.</summary>
public class AttendanceRecord
{
    public int Id { get; set; }

    public int BookingId { get; set; }

    public Booking Booking { get; set; } = default!;

    public AttendanceOutcome Outcome { get; set; }

    /// <summary>A colleague who came in the booked person's place; the charging policy waives the fee.</summary>
    public string? SubstituteName { get; set; }

    public string? Notes { get; set; }

    public DateTime RecordedUtc { get; set; }

    public string? RecordedByUserId { get; set; }

    /// <summary>When the thank-you email was queued, so that correcting the register does not send it twice.</summary>
    public DateTime? ThankYouSentUtc { get; set; }

    public bool EarnsCertificate => Outcome == AttendanceOutcome.Attended;
}

/// <summary>What the trainer marks on the register.</summary>
public enum AttendanceOutcome
{
    Attended = 0,
    PartlyAttended = 1,
    DidNotAttend = 2,
}
