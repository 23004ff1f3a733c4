namespace LearningPortal.Core.Accounts;

/// <summary>An organisation in the partnership, such as "Children's Social Care" or "Police".</summary>
public class Agency
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Retired agencies stay on existing accounts and reports but cannot be chosen for new ones.</summary>
    public bool IsActive { get; set; } = true;

    public int SortOrder { get; set; }
}
