namespace LearningPortal.Core.ActionPlans;

/// <summary>How a change to a plan or action went. Expected refusals are results, not exceptions.</summary>
public enum ActionOutcomeKind
{
    Saved,
    NotFound,

    /// <summary>The input was refused; see <see cref="ActionOutcome.Errors"/> (in field order).</summary>
    Invalid,

    /// <summary>Someone else changed the action since the form was opened; nothing was saved.</summary>
    Conflict,

    /// <summary>The input is allowed but unusual (a due date in the past): save again with confirmation.</summary>
    NeedsConfirmation,
}

/// <summary>A refusal of one field, keyed by the input's property name.</summary>
public sealed record ActionError(string Field, string Message);

/// <summary>The result of a change, with the id saved (plan, action or update).</summary>
public sealed record ActionOutcome(ActionOutcomeKind Kind, int Id = 0, IReadOnlyList<ActionError>? Errors = null, string? Message = null)
{
    public static ActionOutcome Saved(int id) => new(ActionOutcomeKind.Saved, id);

    public static ActionOutcome NotFound { get; } = new(ActionOutcomeKind.NotFound);

    public static ActionOutcome Invalid(IReadOnlyList<ActionError> errors) => new(ActionOutcomeKind.Invalid, Errors: errors);

    public static ActionOutcome Invalid(string field, string message) => new(ActionOutcomeKind.Invalid, Errors: [new ActionError(field, message)]);

    public static ActionOutcome Conflict(string message) => new(ActionOutcomeKind.Conflict, Message: message);

    public static ActionOutcome Confirm(string message) => new(ActionOutcomeKind.NeedsConfirmation, Message: message);
}

/// <summary>Who is acting. Editors may change any plan; a lead only adds updates to their own actions.</summary>
public sealed record ActionActor(string? UserId, string Name, bool IsEditor)
{
    public static ActionActor System { get; } = new(null, "System", false);
}

/// <summary>Words for statuses: status always shows as words, colour is only a second cue.</summary>
public static class ActionWords
{
    public static string Of(PlanActionStatus status) => status switch
    {
        PlanActionStatus.NotStarted => "Not started",
        PlanActionStatus.OnTrack => "On track",
        PlanActionStatus.AtRisk => "At risk",
        _ => "Done",
    };

    public static string Of(ActionStanding standing) => standing switch
    {
        ActionStanding.NotStarted => "Not started",
        ActionStanding.OnTrack => "On track",
        ActionStanding.AtRisk => "At risk",
        ActionStanding.Overdue => "Overdue",
        _ => "Done",
    };

    /// <summary>The GOV.UK tag colour that goes with the words.</summary>
    public static string TagClass(ActionStanding standing) => standing switch
    {
        ActionStanding.NotStarted => "govuk-tag--grey",
        ActionStanding.OnTrack => "govuk-tag--green",
        ActionStanding.AtRisk => "govuk-tag--yellow",
        ActionStanding.Overdue => "govuk-tag--red",
        _ => "govuk-tag--blue",
    };
}
