namespace LearningPortal.Core.Content;

/// <summary>
/// One saved state of a document: its fields (JSON, shaped and validated by the type's fields class), its
/// Markdown body, who saved it and why. Content never changes after saving; only the status and the
/// publication times move.
/// </summary>
public class DocumentVersion
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    public Document Document { get; set; } = default!;

    /// <summary>1, 2, 3... within the document.</summary>
    public int Number { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The slug this version asks for; it becomes the document's address when the version is published.</summary>
    public string Slug { get; set; } = "";

    /// <summary>The type's fields as JSON; read with <see cref="Fields.DocumentTypes.ReadFields"/>.</summary>
    public string FieldsJson { get; set; } = "{}";

    public string Body { get; set; } = "";

    public string? AuthorId { get; set; }

    public string AuthorName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    /// <summary>The editor's note on this save, e.g. "Corrected the sample size".</summary>
    public string? Note { get; set; }

    /// <summary>When this version was copied from an earlier one (roll back), that version's number.</summary>
    public int? CopiedFromNumber { get; set; }

    public VersionStatus Status { get; set; } = VersionStatus.Draft;

    public DateTime? SubmittedForReviewUtc { get; set; }

    public string? ReviewedById { get; set; }

    public string? ReviewedByName { get; set; }

    /// <summary>A reviewer's note when sending a version back.</summary>
    public string? ReviewNote { get; set; }

    /// <summary>When this version became the live one.</summary>
    public DateTime? PublishedUtc { get; set; }

    public string? PublishedByName { get; set; }

    /// <summary>When it stopped being live (replaced or taken down). With <see cref="PublishedUtc"/> it answers "which version was current when".</summary>
    public DateTime? RetiredUtc { get; set; }

    /// <summary>Set while a publish of this version is scheduled (a copy of the pending schedule's time, for lists).</summary>
    public DateTime? ScheduledPublishUtc { get; set; }

    public List<ReflectionQuestion> Questions { get; set; } = [];
}
