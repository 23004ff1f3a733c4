namespace LearningPortal.Core.Feedback;

/// <summary>Settings under "Feedback": which forms are used when a briefing or course names none.</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>The form a briefing shows when its FeedbackForm field is empty.</summary>
    public string BriefingForm { get; set; } = "briefing-feedback";

    /// <summary>The evaluation sent after a session of a course that no form names.</summary>
    public string CourseEvaluationForm { get; set; } = "course-evaluation";
}
