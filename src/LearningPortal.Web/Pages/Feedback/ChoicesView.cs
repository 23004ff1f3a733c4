namespace LearningPortal.Web.Pages.Feedback;

/// <summary>A fieldset of radios or checkboxes for one answer field.</summary>
public sealed record ChoicesView(QuestionView Question, string Field, string Legend, string? Error, IReadOnlyList<string> Chosen, bool Multiple, string? Hint = null);
