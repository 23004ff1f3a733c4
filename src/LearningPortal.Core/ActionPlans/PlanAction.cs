namespace LearningPortal.Core.ActionPlans;

/// <summary>The status someone sets on an action. "Overdue" is not one: it is worked out from the due date.</summary>
public enum PlanActionStatus
{
    NotStarted,
    OnTrack,
    AtRisk,
    Done,
}

/// <summary>What a list shows for an action: its status, or Overdue once the due date has passed without it being done.</summary>
public enum ActionStanding
{
    NotStarted,
    OnTrack,
    AtRisk,
    Overdue,
    Done,
}

/// <summary>
/// One action of a plan: what will be done, for which recommendation, by whom (an agency or a partnership group, with a
/// lead person), by when, and where it stands. <see cref="Version"/> catches two people changing it at once.
/// </summary>
public class PlanAction
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public ActionPlan Plan { get; set; } = default!;

    /// <summary>Its number in the plan (an audit report's action plan is numbered).</summary>
    public int Number { get; set; }

    /// <summary>The recommendation it answers, by its stable id in the plan's briefing.</summary>
    public Guid? RecommendationId { get; set; }

    /// <summary>The recommendation's wording when last seen, shown if it is later withdrawn.</summary>
    public string? RecommendationText { get; set; }

    /// <summary>Set when a later published revision of the briefing no longer has the recommendation; the action stays.</summary>
    public bool RecommendationWithdrawn { get; set; }

    /// <summary>What will be done.</summary>
    public string What { get; set; } = "";

    /// <summary>The one line shown on the public briefing page when the plan is public (never names or evidence).</summary>
    public string PublicSummary { get; set; } = "";

    public int? OwnerAgencyId { get; set; }

    public int? OwnerGroupId { get; set; }

    public string? LeadUserId { get; set; }

    /// <summary>Set when the lead's account was disabled or deleted: the action is back with the plan's Editors.</summary>
    public bool NeedsLead { get; set; }

    public DateOnly DueOn { get; set; }

    public PlanActionStatus Status { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>When the due-soon reminder went to the lead (once per due date).</summary>
    public DateTime? DueReminderSentUtc { get; set; }

    /// <summary>When the overdue email went to the lead (once per due date).</summary>
    public DateTime? OverdueNoticeSentUtc { get; set; }

    /// <summary>Concurrency token: a form carries the version it showed; a save from an older one is a conflict.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Where the action stands on <paramref name="today"/>.</summary>
    public ActionStanding StandingOn(DateOnly today) => Standing(Status, DueOn, today);

    public static ActionStanding Standing(PlanActionStatus status, DateOnly dueOn, DateOnly today) => status switch
    {
        PlanActionStatus.Done => ActionStanding.Done,
        _ when dueOn < today => ActionStanding.Overdue,
        PlanActionStatus.AtRisk => ActionStanding.AtRisk,
        PlanActionStatus.OnTrack => ActionStanding.OnTrack,
        _ => ActionStanding.NotStarted,
    };
}
