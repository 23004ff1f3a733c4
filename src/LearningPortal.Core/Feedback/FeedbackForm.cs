namespace LearningPortal.Core.Feedback;

/// <summary>
/// A feedback form built by Editors: a briefing feedback form, a course evaluation, or a standalone survey.
/// Its questions are versioned (<see cref="FeedbackQuestion"/>), so it stays editable after answers arrive.
/// </summary>
public class FeedbackForm
{
    public const int MaxNameLength = 200;
    public const int MaxIntroLength = 2000;

    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The form's address under /feedback, e.g. "briefing-feedback".</summary>
    public string Slug { get; set; } = "";

    /// <summary>Anonymous responses store no user identifier at all; named ones store who answered.</summary>
    public bool IsAnonymous { get; set; }

    /// <summary>A sentence or two shown above the questions.</summary>
    public string Intro { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Every question row ever on the form, retired ones included (answers point at them).</summary>
    public List<FeedbackQuestion> Questions { get; set; } = [];

    /// <summary>The questions people answer now, in order.</summary>
    public IEnumerable<FeedbackQuestion> CurrentQuestions =>
        Questions.Where(q => q.RetiredUtc is null).OrderBy(q => q.SortOrder).ThenBy(q => q.Id);
}
