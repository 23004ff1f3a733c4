using LearningPortal.Core.Supervision;

namespace LearningPortal.Web.Pages.Supervision;

/// <summary>What the supervision pages share: how kinds and urgencies read.</summary>
public static class SupervisionPages
{
    public static string Name(this DiscussionKind kind) => SupervisionDashboard.KindName(kind);

    public static (string Text, string Css) Tag(this ActionUrgency urgency) => urgency switch
    {
        ActionUrgency.Overdue => ("Overdue", "govuk-tag--red"),
        ActionUrgency.DueSoon => ("Due soon", "govuk-tag--yellow"),
        ActionUrgency.Done => ("Done", "govuk-tag--green"),
        _ => ("Open", "govuk-tag--blue"),
    };

    /// <summary>The kinds as radio values (the enum's names).</summary>
    public static IReadOnlyList<(string Value, string Text)> Kinds { get; } =
        Enum.GetValues<DiscussionKind>().Select(k => (k.ToString(), k.Name())).ToList();
}
