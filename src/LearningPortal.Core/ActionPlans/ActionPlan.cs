namespace LearningPortal.Core.ActionPlans;

/// <summary>
/// A plan of actions: for a briefing or audit report (<see cref="DocumentId"/>), for a strategic objective
/// (<see cref="ObjectiveId"/>), or on its own. Owned by one or more Editors, who get its summary and its actions
/// that need a lead.
/// </summary>
public class ActionPlan
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The briefing or audit report whose recommendations it answers.</summary>
    public int? DocumentId { get; set; }

    public Guid? ObjectiveId { get; set; }

    /// <summary>Whether the public briefing page shows the plan's progress (counts and public summaries only).</summary>
    public bool IsPublic { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The Monday (UK) of the week whose summary email last went to the Editors; claimed so it goes once.</summary>
    public DateOnly? SummaryWeekOf { get; set; }

    public List<PlanEditor> Editors { get; set; } = [];

    public List<PlanAction> Actions { get; set; } = [];
}

/// <summary>An Editor who owns a plan.</summary>
public class PlanEditor
{
    public int PlanId { get; set; }

    public string UserId { get; set; } = "";
}
