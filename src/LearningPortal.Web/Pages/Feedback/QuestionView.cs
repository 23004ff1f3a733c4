using LearningPortal.Core.Feedback;

namespace LearningPortal.Web.Pages.Feedback;

/// <summary>One question on the answering page, with what the person chose and any error.</summary>
public sealed record QuestionView(FeedbackQuestion Question, AnswerModel Page)
{
    public string Field => FeedbackAnswering.FieldFor(Question);

    public string AfterField => FeedbackAnswering.AfterFieldFor(Question);

    public string Legend => Question.IsRequired ? Question.Text : Question.Text + " (optional)";

    /// <summary>The choices as (value, label): scale values 1-5, yes/no 1/0, option indexes.</summary>
    public IReadOnlyList<(string Value, string Label)> Choices => Question.Type switch
    {
        FeedbackQuestionType.YesNo => [("1", "Yes"), ("0", "No")],
        FeedbackQuestionType.Rating or FeedbackQuestionType.Agreement or FeedbackQuestionType.ConfidencePair =>
            [.. FeedbackScales.LabelsFor(Question).Select((l, i) => ((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), l))],
        _ => [.. Question.Options.Select((l, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), l))],
    };

    public ChoicesView SingleChoices(string? error, IReadOnlyList<string> chosen) =>
        new(this, Field, Legend, error, chosen, Question.Type == FeedbackQuestionType.MultipleChoice, Question.HelpText);

    public ChoicesView BeforeChoices(string? error, IReadOnlyList<string> chosen) => new(this, Field, "Before", error, chosen, false);

    public ChoicesView AfterChoices() => new(this, AfterField, "Now", Page.ErrorFor(AfterField), Page.ValuesFor(AfterField), false);
}
