namespace LearningPortal.Core.Content.Media;

/// <summary>
/// The bytes of one stored media file when media live in the database (<see cref="DatabaseMediaStore"/>), so that
/// every instance of a fleet serves every upload and a database backup holds the files too.
/// </summary>
public class MediaBlob
{
    /// <summary>The store key (32 lower-case hex digits), the same key the file store uses, so files move without renaming.</summary>
    public string Key { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public long Length { get; set; }

    public DateTime CreatedUtc { get; set; }
}
