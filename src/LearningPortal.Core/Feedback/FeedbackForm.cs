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

    /// <summary>
    /// Whether an anonymous form asks, as an optional question, which agency the person works for (the only way
    /// an anonymous response is linked to an agency). Named forms take the agency from the account.
    /// </summary>
    public bool AsksAgency { get; set; }

    /// <summary>Draft while being built; open to answers; closed. A form opens only with at least one question.</summary>
    public FeedbackFormState State { get; set; } = FeedbackFormState.Draft;

    /// <summary>An open form takes answers from this moment (UTC), if set.</summary>
    public DateTime? OpensUtc { get; set; }

    /// <summary>An open form stops taking answers at this moment (UTC), if set.</summary>
    public DateTime? ClosesUtc { get; set; }

    /// <summary>A sentence or two shown above the questions.</summary>
    public string Intro { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Every question row ever on the form, retired ones included (answers point at them).</summary>
    public List<FeedbackQuestion> Questions { get; set; } = [];

    /// <summary>Whether people can answer the form at this moment: open, inside its dates, with a question to answer.</summary>
    public bool IsAcceptingAnswers(DateTime nowUtc) =>
        State == FeedbackFormState.Open && (OpensUtc is null || nowUtc >= OpensUtc) && (ClosesUtc is null || nowUtc < ClosesUtc);

    /// <summary>The questions people answer now, in order.</summary>
    public IEnumerable<FeedbackQuestion> CurrentQuestions =>
        Questions.Where(q => q.RetiredUtc is null).OrderBy(q => q.SortOrder).ThenBy(q => q.Id);
}

/// <summary>Where a form is in its life: built, answered, finished.</summary>
public enum FeedbackFormState
{
    /// <summary>Being built: only Editors see it (and can preview it).</summary>
    Draft = 0,

    /// <summary>Taking answers (between its open and close dates, if it has them).</summary>
    Open = 1,

    /// <summary>No longer taking answers; its responses stay for analysis.</summary>
    Closed = 2,
}
