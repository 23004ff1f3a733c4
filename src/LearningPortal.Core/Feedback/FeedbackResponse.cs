namespace LearningPortal.Core.Feedback;

/// <summary>
/// One person's answers to a form, with where they answered it. For an anonymous form <see cref="UserId"/>
/// is always null and nothing else in the row identifies the person (the spent one-time token lives in
/// <see cref="FeedbackSpentToken"/>, which does not link here).
/// </summary>
public class FeedbackResponse
{
    public int Id { get; set; }

    public int FormId { get; set; }

    /// <summary>The briefing (content document) the form was answered from, if any.</summary>
    public int? DocumentId { get; set; }

    /// <summary>The training session the form evaluates, if any.</summary>
    public int? SessionId { get; set; }

    /// <summary>The agency of the person at the time (partnerships report by agency).</summary>
    public int? AgencyId { get; set; }

    public DateTime SubmittedUtc { get; set; }

    /// <summary>Who answered: named forms only.</summary>
    public string? UserId { get; set; }

    public List<FeedbackAnswer> Answers { get; set; } = [];
}

/// <summary>
/// The answer to one question (one exact wording) in a response, in typed columns the analysis aggregates in SQL:
/// rating, agreement and confidence-before in <see cref="Number"/> (1-5); confidence-after in <see cref="After"/>;
/// yes/no as 1/0; single choice as the option's index; multiple choice as a bit mask of option indexes;
/// short and long text in <see cref="Text"/>.
/// </summary>
public class FeedbackAnswer
{
    public long Id { get; set; }

    public int ResponseId { get; set; }

    public FeedbackResponse Response { get; set; } = default!;

    public int QuestionId { get; set; }

    public FeedbackQuestion Question { get; set; } = default!;

    public int? Number { get; set; }

    public int? After { get; set; }

    public string? Text { get; set; }
}

/// <summary>
/// A spent one-time answering token: a keyed hash of form, context and person. It has no date and no link to
/// the response, so it proves someone answered without saying which answers are theirs.
/// </summary>
public class FeedbackSpentToken
{
    public string Marker { get; set; } = "";
}
