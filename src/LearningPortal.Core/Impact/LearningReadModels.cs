namespace LearningPortal.Core.Impact;

/// <summary>
/// Impact's copy of one training booking's register entry, kept by <see cref="ImpactFeed"/> in the same transaction as
/// the register change, so the learning record and the impact pages never read Training's tables. Rebuilt by the
/// <c>rebuild-impact</c> command; deleted with the booking.
/// </summary>
public class LearningAttendance
{
    public int BookingId { get; set; }

    public string UserId { get; set; } = "";

    public int AgencyId { get; set; }

    public int CourseId { get; set; }

    public string CourseTitle { get; set; } = "";

    public int SessionId { get; set; }

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    public AttendanceResult Result { get; set; }

    /// <summary>Full attendance earns a certificate (Training's rule, copied with the mark).</summary>
    public bool HasCertificate { get; set; }
}

/// <summary>What the register says, in Impact's own terms.</summary>
public enum AttendanceResult
{
    Attended = 0,
    PartlyAttended = 1,
    DidNotAttend = 2,
}

/// <summary>
/// Impact's copy of a person's part in a finalised supervision discussion: title, kind and date only, never the text.
/// Kept by <see cref="ImpactFeed"/> when the record is finalised; deleted with the record (retention) or the account.
/// </summary>
public class LearningDiscussion
{
    public int Id { get; set; }

    public int RecordId { get; set; }

    public string UserId { get; set; } = "";

    public int AgencyId { get; set; }

    public bool AsSupervisor { get; set; }

    /// <summary>"One-to-one supervision", "Group supervision" or "Team meeting".</summary>
    public string Kind { get; set; } = "";

    public DateOnly HeldOn { get; set; }

    /// <summary>The question set's title (the briefing discussed).</summary>
    public string Title { get; set; } = "";

    /// <summary>The briefing whose questions the discussion used; null for a standing question set.</summary>
    public int? DocumentId { get; set; }

    /// <summary>The participant's confidence on the theme before the discussion (1 to 5); never set for the supervisor.</summary>
    public int? ConfidenceBefore { get; set; }

    public int? ConfidenceAfter { get; set; }
}
