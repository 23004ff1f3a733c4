namespace LearningPortal.Core.Supervision;

/// <summary>Where a question set comes from.</summary>
public enum QuestionSetSource
{
    /// <summary>A published briefing's questions for reflection, kept in step by <see cref="BriefingQuestionSets"/>.</summary>
    Briefing,

    /// <summary>Kept by partnership staff under /manage (for example an at-a-glance sheet's questions for practice).</summary>
    Standing,
}

/// <summary>
/// Questions a supervisor can take into a discussion. A briefing's set follows its published version; a record
/// copies the wording it used, so revising the set never changes what a record says was discussed.
/// </summary>
public class QuestionSet
{
    public int Id { get; set; }

    public QuestionSetSource Source { get; set; }

    /// <summary>The briefing the set comes from (Briefing sets only).</summary>
    public int? DocumentId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>False when the briefing is unpublished or the standing set is withdrawn: no longer offered for new records.</summary>
    public bool IsAvailable { get; set; } = true;

    public DateTime UpdatedUtc { get; set; }

    public List<QuestionSetQuestion> Questions { get; set; } = [];
}

/// <summary>One question of a set, keyed by the stable <see cref="QuestionId"/> (the briefing's, for briefing sets).</summary>
public class QuestionSetQuestion
{
    public int Id { get; set; }

    public int QuestionSetId { get; set; }

    public Guid QuestionId { get; set; }

    /// <summary>1-based order within the set.</summary>
    public int Position { get; set; }

    /// <summary>The current wording.</summary>
    public string Text { get; set; } = "";

    /// <summary>False when a later version dropped the question; kept so the dashboard can still name it.</summary>
    public bool IsCurrent { get; set; } = true;
}
