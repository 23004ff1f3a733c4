namespace LearningPortal.Core.Content.Import;

/// <summary>What a block of a read document is.</summary>
public enum BlockKind
{
    Heading = 1,
    Paragraph = 2,
    ListItem = 3,
    Table = 4,

    /// <summary>An image where it stood in the document; its Markdown is the placeholder <see cref="ImportImages.Placeholder"/>.</summary>
    Image = 5,
}

/// <summary>
/// One block of a document as a reader found it, in reading order: a heading, a paragraph, a list item or a table.
/// <see cref="Text"/> is the plain text (for section detection and plain-text fields); <see cref="Markdown"/> is the
/// same content in the editor's Markdown (bold, links, a pipe table), already escaped.
/// </summary>
/// <param name="Level">A heading's level, 1 the largest.</param>
/// <param name="Ordered">A list item of a numbered list.</param>
/// <param name="Depth">A list item's nesting, 0 at the top.</param>
/// <param name="Page">The page it was on (PDF), for the review page.</param>
public sealed record ImportBlock(BlockKind Kind, string Text, string Markdown, int Level = 0, bool Ordered = false, int Depth = 0, int? Page = null)
{
    public static ImportBlock Heading(string text, int level, int? page = null) => new(BlockKind.Heading, text, InlineMarkdown.Escape(text), level, Page: page);

    public static ImportBlock Paragraph(string text, string markdown, int? page = null) => new(BlockKind.Paragraph, text, markdown, Page: page);

    public static ImportBlock Item(string text, string markdown, bool ordered, int depth = 0, int? page = null) =>
        new(BlockKind.ListItem, text, markdown, Ordered: ordered, Depth: depth, Page: page);

    /// <summary>The <paramref name="number"/>th image of the document (from 1), where it stood.</summary>
    public static ImportBlock Image(int number, int? page = null) => new(BlockKind.Image, "", ImportImages.Placeholder(number), Level: number, Page: page);
}

/// <summary>An image found in a document, offered to the media library on the review page (it needs alt text there).</summary>
/// <param name="Number">Its number in the document, from 1: the placeholder in the body names it.</param>
/// <param name="ContentType">Checked from the bytes (PNG, JPEG, GIF or WebP), never taken from the document's word for it.</param>
public sealed record ImportImage(int Number, string FileName, string ContentType, byte[] Bytes);

/// <summary>What a reader made of a file: its blocks in order, a title from the file's properties if any, images and notes for the Editor.</summary>
public sealed record ReadDocument(IReadOnlyList<ImportBlock> Blocks, string? Title, IReadOnlyList<ImportImage> Images, IReadOnlyList<string> Notes);

/// <summary>An expected reason a file cannot be imported, with the message the Editor sees.</summary>
public sealed class ImportRefusedException(string message) : Exception(message);

/// <summary>Bounds that keep one import within about 10 seconds and well within 500 MB for files inside the upload limit.</summary>
public sealed class ImportLimits
{
    /// <summary>A PDF with more pages is refused before any page is read.</summary>
    public int MaxPages { get; set; } = 150;

    /// <summary>Text beyond this many characters is refused (a briefing is a few thousand words).</summary>
    public int MaxCharacters { get; set; } = 1_000_000;

    /// <summary>Word: the decompressed document part is refused beyond this (a zip bomb would otherwise fill memory).</summary>
    public long MaxDocumentPartBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Images offered to the media library; more are listed as left out.</summary>
    public int MaxImages { get; set; } = 20;

    /// <summary>All the images of one document together, in bytes; beyond it the rest are left out (with a note).</summary>
    public long MaxImageBytes { get; set; } = 40L * 1024 * 1024;

    /// <summary>An import still reading after this is cancelled.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
