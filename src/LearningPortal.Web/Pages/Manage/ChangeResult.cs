namespace LearningPortal.Web.Pages.Manage;

/// <summary>How an administrative change ended. Expected failures are results, not exceptions.</summary>
public enum ChangeOutcome
{
    Done,
    NoChange,
    NotFound,

    /// <summary>Someone else changed the record after the administrator opened the page.</summary>
    Conflict,

    /// <summary>A rule refused the change; <see cref="ChangeResult.Message"/> says which, in words for the administrator.</summary>
    Refused,
}

public sealed record ChangeResult(ChangeOutcome Outcome, string? Message = null)
{
    public const string ConflictMessage =
        "Someone else changed this account after you opened this page. The page now shows the current details. Check them and try again.";

    public static ChangeResult Done { get; } = new(ChangeOutcome.Done);

    public static ChangeResult NoChange { get; } = new(ChangeOutcome.NoChange);

    public static ChangeResult NotFound { get; } = new(ChangeOutcome.NotFound);

    public static ChangeResult Conflict { get; } = new(ChangeOutcome.Conflict, ConflictMessage);

    public static ChangeResult Refused(string message) => new(ChangeOutcome.Refused, message);
}
