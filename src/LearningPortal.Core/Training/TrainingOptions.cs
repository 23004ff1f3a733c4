namespace LearningPortal.Core.Training;

/// <summary>Settings of the training module (section "Training").</summary>
public class TrainingOptions
{
    public const string Section = "Training";

    /// <summary>How long before a session starts people can still cancel a place themselves.</summary>
    public TimeSpan CancellationCutOff { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How many days before a session the reminder is sent.</summary>
    public int ReminderDaysBefore { get; set; } = 3;

    /// <summary>How long a line manager has to answer an approval request (never past the session's start).</summary>
    public TimeSpan ApprovalValidFor { get; set; } = TimeSpan.FromDays(5);

    /// <summary>How many months after GCP2 training a refresher is due.</summary>
    public int Gcp2RefresherMonths { get; set; } = 36;

    /// <summary>How many days before the refresher is due the practitioner is reminded.</summary>
    public int Gcp2RefresherReminderDays { get; set; } = 30;

    /// <summary>How often the scheduled work (reminders, expired approvals) runs.</summary>
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// On first start (no sessions yet), make example sessions of the starter courses dated from today, so the site
    /// can be tried at once. On in Development (appsettings.Development.json); never set it in Production.
    /// </summary>
    public bool DemoSessions { get; set; }

    /// <summary>The email address people are told to contact about training.</summary>
    public string ContactEmail { get; set; } = "training@learningportal.local";

    public ChargingPolicy Charges { get; set; } = new();
}

/// <summary>
/// The partnership's non-attendance charging policy: a fee for a place not used (or cancelled after the
/// cut-off), by the session's length, waived when a colleague came instead.
/// </summary>
public class ChargingPolicy
{
    public decimal HalfDayFee { get; set; } = 50m;

    public decimal FullDayFee { get; set; } = 100m;

    /// <summary>Sessions up to this many hours are charged as half a day.</summary>
    public double HalfDayMaxHours { get; set; } = 4;

    /// <summary>Whether a place cancelled after the cut-off is charged like a no-show.</summary>
    public bool ChargeLateCancellations { get; set; } = true;

    public decimal FeeFor(TrainingSession session) =>
        (session.EndUtc - session.StartUtc).TotalHours <= HalfDayMaxHours ? HalfDayFee : FullDayFee;
}
