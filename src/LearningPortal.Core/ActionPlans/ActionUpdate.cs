namespace LearningPortal.Core.ActionPlans;

/// <summary>A dated progress note on an action by its lead or an Editor, with evidence (text, links, files).</summary>
public class ActionUpdate
{
    public int Id { get; set; }

    public int ActionId { get; set; }

    public string? AuthorUserId { get; set; }

    public string AuthorName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public string Text { get; set; } = "";

    /// <summary>Evidence in words (what shows it happened).</summary>
    public string Evidence { get; set; } = "";

    /// <summary>Evidence links, one a line (http or https only).</summary>
    public string Links { get; set; } = "";

    public PlanActionStatus StatusBefore { get; set; }

    public PlanActionStatus StatusAfter { get; set; }

    /// <summary>True for the closing note that marked the action done.</summary>
    public bool Closes { get; set; }

    public List<ActionEvidenceFile> Files { get; set; } = [];
}

/// <summary>
/// A file given as evidence. Private: served only through the action's own authorised endpoint, found by a random key
/// together with the action, never by a guessable address; its type is checked from its bytes as in the media library.
/// </summary>
public class ActionEvidenceFile
{
    public int Id { get; set; }

    public int UpdateId { get; set; }

    public int ActionId { get; set; }

    /// <summary>Random, unguessable: part of the download address together with the action id.</summary>
    public Guid Key { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    public byte[] Content { get; set; } = [];
}

/// <summary>A line of an action's own history: created, changed, updated, done, reopened, lead returned.</summary>
public class ActionHistoryEntry
{
    public long Id { get; set; }

    public int ActionId { get; set; }

    public DateTime OccurredUtc { get; set; }

    public string? ActorUserId { get; set; }

    public string ActorName { get; set; } = "";

    public string What { get; set; } = "";
}
