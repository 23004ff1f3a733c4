using LearningPortal.Core.Feedback;

namespace LearningPortal.Web.Pages.Manage.Feedback;

/// <summary>A question as typed on the add and change page; options one per line.</summary>
public class QuestionInput
{
    [Required(ErrorMessage = "Select the type of question")]
    public FeedbackQuestionType? Type { get; set; }

    public string? Text { get; set; }

    public string? HelpText { get; set; }

    public string? OptionsText { get; set; }

    [Required(ErrorMessage = "Select whether people must answer the question")]
    public bool? IsRequired { get; set; }

    public QuestionDraft ToDraft() => new(Type ?? FeedbackQuestionType.Rating, Text ?? "", HelpText ?? "", IsRequired == true,
        (OptionsText ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    public static QuestionInput From(FeedbackQuestion q) => new()
    {
        Type = q.Type,
        Text = q.Text,
        HelpText = q.HelpText,
        OptionsText = string.Join('\n', q.Options),
        IsRequired = q.IsRequired,
    };

    public static IReadOnlyList<SelectListItem> TypeChoices { get; } =
        [.. Enum.GetValues<FeedbackQuestionType>().Select(t => new SelectListItem(FeedbackScales.NameOf(t), t.ToString()))];

    public static IReadOnlyList<SelectListItem> RequiredChoices { get; } = [new("Yes", "true"), new("No", "false")];
}
