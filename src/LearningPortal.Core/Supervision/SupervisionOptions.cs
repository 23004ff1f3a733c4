namespace LearningPortal.Core.Supervision;

/// <summary>Settings of the supervision module (section "Supervision").</summary>
public class SupervisionOptions
{
    public const string Section = "Supervision";

    /// <summary>How many months after the discussion a record is deleted.</summary>
    public int RetentionMonths { get; set; } = 72;

    /// <summary>How many days before an action's due date its owner is reminded.</summary>
    public int ReminderDaysBefore { get; set; } = 3;

    /// <summary>An open action due within this many days is "due soon".</summary>
    public int DueSoonDays { get; set; } = 14;

    /// <summary>How often the scheduled work (reminders, retention) runs.</summary>
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromHours(1);
}
