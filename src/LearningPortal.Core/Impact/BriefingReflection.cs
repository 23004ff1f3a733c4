namespace LearningPortal.Core.Impact;

/// <summary>
/// "I have read this and reflected": a person's mark on a briefing, with an optional private note on what they will
/// do differently. Only that person can read the note (nobody else, administrators included, has a page or export
/// that shows it); deleting the account deletes the row (cascade in the database).
/// </summary>
public class BriefingReflection
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>The person's agency when they marked it, for "read and reflected" counts by agency.</summary>
    public int AgencyId { get; set; }

    public int DocumentId { get; set; }

    /// <summary>The briefing's title and address when marked, so the learning record never reads Content's tables.</summary>
    public string BriefingTitle { get; set; } = "";

    public string BriefingPath { get; set; } = "";

    /// <summary>The version the person read.</summary>
    public int VersionNumber { get; set; }

    /// <summary>What they will do differently; private to them.</summary>
    public string? Note { get; set; }

    public DateTime ReflectedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
