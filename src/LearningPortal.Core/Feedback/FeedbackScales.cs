namespace LearningPortal.Core.Feedback;

/// <summary>The fixed labels of the 1-5 scales and yes/no, shared by the answering pages and the analysis.</summary>
public static class FeedbackScales
{
    public static IReadOnlyList<string> Rating { get; } = ["1 - Poor", "2 - Fair", "3 - Good", "4 - Very good", "5 - Excellent"];

    public static IReadOnlyList<string> Agreement { get; } = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"];

    public static IReadOnlyList<string> Confidence { get; } = ["1 - Not at all confident", "2 - Slightly confident", "3 - Fairly confident", "4 - Confident", "5 - Very confident"];

    public static IReadOnlyList<string> YesNo { get; } = ["No", "Yes"];

    /// <summary>The labels of the values 1-5 (scales), 0-1 (yes/no) or option indexes (choices).</summary>
    public static IReadOnlyList<string> LabelsFor(FeedbackQuestion question) => question.Type switch
    {
        FeedbackQuestionType.Rating => Rating,
        FeedbackQuestionType.Agreement => Agreement,
        FeedbackQuestionType.ConfidencePair => Confidence,
        FeedbackQuestionType.YesNo => YesNo,
        FeedbackQuestionType.SingleChoice or FeedbackQuestionType.MultipleChoice => question.Options,
        _ => [],
    };

    public static bool IsScale(FeedbackQuestionType type) =>
        type is FeedbackQuestionType.Rating or FeedbackQuestionType.Agreement or FeedbackQuestionType.ConfidencePair;

    public static bool IsText(FeedbackQuestionType type) =>
        type is FeedbackQuestionType.ShortText or FeedbackQuestionType.LongText;

    /// <summary>What the editor calls each type.</summary>
    public static string NameOf(FeedbackQuestionType type) => type switch
    {
        FeedbackQuestionType.Rating => "Rating (1 to 5)",
        FeedbackQuestionType.Agreement => "Agreement scale",
        FeedbackQuestionType.SingleChoice => "Single choice",
        FeedbackQuestionType.MultipleChoice => "Multiple choice",
        FeedbackQuestionType.YesNo => "Yes or no",
        FeedbackQuestionType.ShortText => "Short text",
        FeedbackQuestionType.LongText => "Long text",
        FeedbackQuestionType.ConfidencePair => "Confidence before and after",
        _ => type.ToString(),
    };
}
