namespace LearningPortal.Core.Content.Media;

/// <summary>
/// An uploaded file in the media library, served at /media/{Id}/{FileName}. The bytes live in an
/// <see cref="IMediaStore"/> under <see cref="StorageKey"/>; replacing the file keeps the id, so the address keeps working.
/// </summary>
public class MediaItem
{
    public int Id { get; set; }

    /// <summary>A safe file name (letters, digits, dots, hyphens), used in the address and the download.</summary>
    public string FileName { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>Checked from the file's first bytes, never taken from the name or the browser.</summary>
    public string ContentType { get; set; } = "";

    public long SizeBytes { get; set; }

    /// <summary>Required for images.</summary>
    public string? AltText { get; set; }

    public string StorageKey { get; set; } = "";

    /// <summary>SHA-256 of the bytes (hex); also the ETag.</summary>
    public string Sha256 { get; set; } = "";

    public DateTime UploadedUtc { get; set; }

    public string UploadedByName { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}
