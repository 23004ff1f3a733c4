namespace LearningPortal.Core.Content;

/// <summary>
/// A piece of content with a stable identity and address. Its content lives in <see cref="DocumentVersion"/>s;
/// at most one is published. The listing columns copy what the public lists need from the published version,
/// so index pages filter and sort without reading versions.
/// </summary>
public class Document
{
    public int Id { get; set; }

    public DocumentType Type { get; set; }

    /// <summary>The public address segment, e.g. "neglect-audit-2025" in /learning/neglect-audit-2025. Unique per type.</summary>
    public string Slug { get; set; } = "";

    public DocumentState State { get; set; } = DocumentState.Draft;

    /// <summary>The latest version's title, for the back office.</summary>
    public string Title { get; set; } = "";

    public int LatestVersionNumber { get; set; }

    public int? PublishedVersionId { get; set; }

    public DocumentVersion? PublishedVersion { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When a version was last saved or the state last changed.</summary>
    public DateTime UpdatedUtc { get; set; }

    public DateTime? FirstPublishedUtc { get; set; }

    /// <summary>When the live version was published ("last updated" for readers).</summary>
    public DateTime? LastPublishedUtc { get; set; }

    /// <summary>Published title.</summary>
    public string? PublishedTitle { get; set; }

    public string? PublishedSummary { get; set; }

    /// <summary>The date readers sort and filter by: a briefing's audit date, else the first publication date.</summary>
    public DateOnly? ListingDate { get; set; }

    /// <summary>A briefing's format key, e.g. "seven-minute-briefing".</summary>
    public string? ListingFormat { get; set; }

    /// <summary>A briefing's theme keys, delimited for a portable LIKE filter: "|neglect|exploitation|".</summary>
    public string? ListingThemes { get; set; }

    /// <summary>A toolkit resource's category key.</summary>
    public string? ListingCategory { get; set; }

    /// <summary>Media ids the latest version uses, delimited "|3|7|", so the media library can say where a file is used.</summary>
    public string MediaReferences { get; set; } = "";

    /// <summary>Changes on every write; a second writer from a stale read is refused.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<DocumentVersion> Versions { get; set; } = [];
}
