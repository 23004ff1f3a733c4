using System.Text.Json;

namespace LearningPortal.Core.Feedback;

/// <summary>
/// One wording of a question. A row is never changed once it has answers: editing its wording, type or
/// options retires it and adds a new row with the same <see cref="Key"/>, so each answer still reads against
/// the exact wording it answered. Only the order (<see cref="SortOrder"/>) moves in place.
/// </summary>
public class FeedbackQuestion
{
    public const int MaxTextLength = 500;
    public const int MaxHelpLength = 1000;
    public const int MaxOptions = 20;
    public const int MaxOptionLength = 200;

    public int Id { get; set; }

    public int FormId { get; set; }

    public FeedbackForm Form { get; set; } = default!;

    /// <summary>The question's identity across wordings; the analysis groups by it.</summary>
    public Guid Key { get; set; }

    public FeedbackQuestionType Type { get; set; }

    public string Text { get; set; } = "";

    public string HelpText { get; set; } = "";

    public bool IsRequired { get; set; }

    public int SortOrder { get; set; }

    /// <summary>The choices of a single or multiple choice question, as a JSON array (stored; read through <see cref="Options"/>).</summary>
    public string OptionsJson { get; set; } = "[]";

    public DateTime CreatedUtc { get; set; }

    /// <summary>When this wording was replaced or the question removed; null while current.</summary>
    public DateTime? RetiredUtc { get; set; }

    public IReadOnlyList<string> Options
    {
        get => JsonSerializer.Deserialize<List<string>>(OptionsJson) ?? [];
        set => OptionsJson = JsonSerializer.Serialize(value);
    }

    /// <summary>Whether two wordings ask the same thing in the same way (same type, text, help and options).</summary>
    public bool SameWordingAs(FeedbackQuestion other) =>
        Type == other.Type && Text == other.Text && HelpText == other.HelpText && OptionsJson == other.OptionsJson;
}

/// <summary>The kinds of question a form can ask; how each is stored is described on <see cref="FeedbackAnswer"/>.</summary>
public enum FeedbackQuestionType
{
    /// <summary>1 (poor) to 5 (excellent).</summary>
    Rating = 0,

    /// <summary>Strongly disagree (1) to strongly agree (5).</summary>
    Agreement = 1,
    SingleChoice = 2,
    MultipleChoice = 3,
    YesNo = 4,
    ShortText = 5,
    LongText = 6,

    /// <summary>Confidence before and after (1 to 5 each), answered and analysed as one question.</summary>
    ConfidencePair = 7,
}
