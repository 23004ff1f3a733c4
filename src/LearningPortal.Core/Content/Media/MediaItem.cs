namespace LearningPortal.Core.Content.Media;

/// <summary>
/// An uploaded file in the media library, served at <see cref="Address"/>. The bytes live in an
/// <see cref="IMediaStore"/> under <see cref="StorageKey"/>; replacing the file keeps the id and the access key, so the
/// address keeps working.
/// </summary>
public class MediaItem
{
    /// <summary>
    /// A random part of the address, so that addresses cannot be guessed from the sequential id. Who may download the
    /// file is decided on every request all the same: the public once a published document uses it, otherwise Editors.
    /// </summary>
    public string AccessKey { get; set; } = NewAccessKey();

    /// <summary>/media/{Id}/{AccessKey}/{FileName}.</summary>
    public string Address => $"/media/{Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{AccessKey}/{FileName}";

    /// <summary>128 random bits as 32 lower-case hex digits (letters and digits only, safe in any address or Markdown).</summary>
    public static string NewAccessKey() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

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
