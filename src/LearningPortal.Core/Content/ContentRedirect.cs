namespace LearningPortal.Core.Content;

/// <summary>A permanent redirect from an old address (e.g. "/learning/old-slug") to a document's current address.</summary>
public class ContentRedirect
{
    public int Id { get; set; }

    /// <summary>The old path, lower case, starting with "/".</summary>
    public string FromPath { get; set; } = "";

    public int DocumentId { get; set; }

    public Document Document { get; set; } = default!;

    public DateTime CreatedUtc { get; set; }

    public string CreatedByName { get; set; } = "";
}
