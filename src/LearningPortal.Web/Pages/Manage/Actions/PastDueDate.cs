using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningPortal.Web.Pages.Manage.Actions;

/// <summary>
/// A due date in the past is shown back for confirmation, not refused: the form keeps the date it warned about in a
/// hidden field, and saving the same date again confirms it; a different date is checked afresh.
/// </summary>
public static class PastDueDate
{
    /// <summary>Whether the date being saved is the one already warned about.</summary>
    public static bool IsConfirmed(DateOnly? due, string? confirmedDueOn) => due is { } d && confirmedDueOn == Key(d);

    /// <summary>The hidden field's new value, after the warning (the posted value is dropped so the form shows this one).</summary>
    public static string Warned(ModelStateDictionary modelState, string field, DateOnly due)
    {
        modelState.Remove(field);
        return Key(due);
    }

    private static string Key(DateOnly due) => due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
