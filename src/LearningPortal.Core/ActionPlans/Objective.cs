namespace LearningPortal.Core.ActionPlans;

/// <summary>
/// A strategic objective as the action plans module keeps it: its identity is the strategy's objective id, kept
/// across revisions of the strategy, so links to it survive rewording. Kept current from the published strategy.
/// </summary>
public class Objective
{
    /// <summary>The <see cref="Content.Fields.StrategyObjective.Id"/>.</summary>
    public Guid Id { get; set; }

    /// <summary>The strategy document it belongs to.</summary>
    public int StrategyDocumentId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>1-based position in the published strategy.</summary>
    public int Number { get; set; }

    /// <summary>False once a later published revision of the strategy no longer has it; links and plans stay.</summary>
    public bool IsCurrent { get; set; } = true;

    public List<ObjectiveMeasure> Measures { get; set; } = [];
}

/// <summary>A measure of success attached to the objective it measures.</summary>
public class ObjectiveMeasure
{
    public int Id { get; set; }

    public Guid ObjectiveId { get; set; }

    public int Position { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>What an objective link points at.</summary>
public enum ObjectiveLinkKind
{
    Briefing,
    Course,
    QuestionSet,
    Plan,
}

/// <summary>A briefing, course, standing question set or plan linked to the objective it serves.</summary>
public class ObjectiveLink
{
    public int Id { get; set; }

    public Guid ObjectiveId { get; set; }

    public ObjectiveLinkKind Kind { get; set; }

    /// <summary>The document, course, question set or plan id.</summary>
    public int TargetId { get; set; }
}
