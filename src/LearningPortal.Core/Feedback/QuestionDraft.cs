using LearningPortal.Core.Common;

namespace LearningPortal.Core.Feedback;

/// <summary>A question as the editor typed it, before it becomes a <see cref="FeedbackQuestion"/> row.</summary>
public sealed record QuestionDraft(FeedbackQuestionType Type, string Text, string HelpText, bool IsRequired, IReadOnlyList<string> Options)
{
    public static bool HasOptions(FeedbackQuestionType type) => type is FeedbackQuestionType.SingleChoice or FeedbackQuestionType.MultipleChoice;

    /// <summary>Trims, drops blank options, and ignores options for types that have none.</summary>
    public QuestionDraft Normalised() => this with
    {
        Text = (Text ?? "").Trim(),
        HelpText = (HelpText ?? "").Trim(),
        Options = HasOptions(Type) ? (Options ?? []).Select(o => o?.Trim() ?? "").Where(o => o.Length > 0).ToList() : [],
    };

    /// <summary>Problems keyed by field name (Text, HelpText, Options, Type), in GOV.UK wording.</summary>
    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(Type))
        {
            errors.Add(new(nameof(Type), "Select the type of question"));
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            errors.Add(new(nameof(Text), "Enter the question"));
        }
        else if (Text.Length > FeedbackQuestion.MaxTextLength)
        {
            errors.Add(new(nameof(Text), $"Question must be {FeedbackQuestion.MaxTextLength} characters or fewer"));
        }

        if (HelpText.Length > FeedbackQuestion.MaxHelpLength)
        {
            errors.Add(new(nameof(HelpText), $"Help text must be {FeedbackQuestion.MaxHelpLength} characters or fewer"));
        }

        if (HasOptions(Type))
        {
            if (Options.Count < 2)
            {
                errors.Add(new(nameof(Options), "Enter at least 2 options, one on each line"));
            }
            else if (Options.Count > FeedbackQuestion.MaxOptions)
            {
                errors.Add(new(nameof(Options), $"Enter {FeedbackQuestion.MaxOptions} options or fewer"));
            }
            else if (Options.Any(o => o.Length > FeedbackQuestion.MaxOptionLength))
            {
                errors.Add(new(nameof(Options), $"Each option must be {FeedbackQuestion.MaxOptionLength} characters or fewer"));
            }
            else if (Options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != Options.Count)
            {
                errors.Add(new(nameof(Options), "Each option must be different"));
            }
        }

        return errors;
    }
}
