using LearningPortal.Core.Auditing;

namespace LearningPortal.Core.ActionPlans;

/// <summary>
/// Who is acting (the one <see cref="Actor"/> every module records) and in what capacity: Editors may change any plan;
/// a lead only adds updates to their own actions.
/// </summary>
public sealed record ActionActor(Actor Who, bool IsEditor)
{
    public static ActionActor System { get; } = new(Actor.System(), false);

    public string? UserId => Who.UserId;

    public string Name => Who.Name;
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
