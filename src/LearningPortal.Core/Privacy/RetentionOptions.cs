namespace LearningPortal.Core.Privacy;

/// <summary>
/// How long personal data is kept (section "Retention"). Supervision records keep their own setting,
/// <c>Supervision:RetentionMonths</c>, run by the supervision jobs.
/// </summary>
public class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>An account nobody has signed in to for this many years (since its last sign-in, or its creation) is warned by email.</summary>
    public int AccountUnusedYears { get; set; } = 3;

    /// <summary>Days between the warning and the deletion; signing in during them keeps the account.</summary>
    public int AccountWarningDays { get; set; } = 30;

    /// <summary>Years after a session ends that its bookings and register keep the attendees' details; then they are anonymised.</summary>
    public int BookingYears { get; set; } = 6;

    /// <summary>Years the audit log keeps an entry.</summary>
    public int AuditYears { get; set; } = 6;

    /// <summary>Years an action's own history (created, changed, updated, done) keeps a line.</summary>
    public int ActionHistoryYears { get; set; } = 6;

    /// <summary>
    /// Months a briefing read stays linked to its reader; then the read is summarised: it keeps counting in the impact
    /// figures (by agency and day) but no longer names anyone, and leaves the person's subject access export.
    /// </summary>
    public int ReadsLinkedMonths { get; set; } = 12;

    /// <summary>How often the retention job runs (once across all instances).</summary>
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>False to not run the retention job on this instance.</summary>
    public bool JobEnabled { get; set; } = true;
}
