namespace LearningPortal.Core.ActionPlans;

/// <summary>
/// A partnership group that can own actions, such as "Neglect subgroup" or "Executive"; a managed list like agencies.
/// </summary>
public class PartnershipGroup
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Retired groups stay on existing actions but cannot be chosen for new ones.</summary>
    public bool IsActive { get; set; } = true;

    public int SortOrder { get; set; }
}
