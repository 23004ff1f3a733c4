namespace LearningPortal.Core.ActionPlans;

/// <summary>Settings of the action plans module (section "ActionPlans").</summary>
public sealed class ActionPlanOptions
{
    public const string Section = "ActionPlans";

    /// <summary>How often the scheduled work runs (reminders, overdue notices, leads handed back, weekly summaries).</summary>
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many days before the due date the lead is reminded.</summary>
    public int ReminderDaysBefore { get; set; } = 7;

    /// <summary>Actions per page on /manage/actions.</summary>
    public int PageSize { get; set; } = 25;

    /// <summary>The largest evidence file accepted.</summary>
    public long MaxEvidenceFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The most files one update may carry.</summary>
    public int MaxFilesPerUpdate { get; set; } = 5;
}
