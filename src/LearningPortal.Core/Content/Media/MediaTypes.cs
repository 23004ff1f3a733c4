using System.IO.Compression;

namespace LearningPortal.Core.Content.Media;

/// <summary>A kind of file the library accepts.</summary>
public sealed record MediaType(string ContentType, string Extension, string Name);

/// <summary>
/// Tells what a file is from its bytes, never from its name or what the browser said: PDF, Word, Excel,
/// PowerPoint (Office Open XML and the older binary formats) and PNG, JPEG, GIF and WebP images. Anything else,
/// including SVG and HTML (which can carry script), is refused.
/// </summary>
public static class MediaTypes
{
    public static readonly MediaType Pdf = new("application/pdf", ".pdf", "PDF");
    public static readonly MediaType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "Word document");
    public static readonly MediaType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", "Excel spreadsheet");
    public static readonly MediaType Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx", "PowerPoint presentation");
    public static readonly MediaType Doc = new("application/msword", ".doc", "Word document");
    public static readonly MediaType Xls = new("application/vnd.ms-excel", ".xls", "Excel spreadsheet");
    public static readonly MediaType Ppt = new("application/vnd.ms-powerpoint", ".ppt", "PowerPoint presentation");
    public static readonly MediaType Png = new("image/png", ".png", "PNG image");
    public static readonly MediaType Jpeg = new("image/jpeg", ".jpg", "JPEG image");
    public static readonly MediaType Gif = new("image/gif", ".gif", "GIF image");
    public static readonly MediaType Webp = new("image/webp", ".webp", "WebP image");

    public static IReadOnlyList<MediaType> All { get; } = [Pdf, Docx, Xlsx, Pptx, Doc, Xls, Ppt, Png, Jpeg, Gif, Webp];

    /// <summary>The type of a seekable stream's content, or null if it is not one the library accepts. Leaves the stream at 0.</summary>
    public static MediaType? Sniff(Stream content, string fileName)
    {
        Span<byte> head = stackalloc byte[16];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        head = head[..read];
        MediaType? found = null;
        if (head.StartsWith("%PDF-"u8))
        {
            found = Pdf;
        }
        else if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            found = Png;
        }
        else if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            found = Jpeg;
        }
        else if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            found = Gif;
        }
        else if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            found = Webp;
        }
        else if (head.StartsWith(new byte[] { 0x50, 0x4B, 0x03, 0x04 }))
        {
            found = SniffOfficeOpenXml(content);
        }
        else if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            // The old binary Office formats share one container; the name picks which, the bytes prove it is one.
            found = Path.GetExtension(fileName).ToLowerInvariant() switch
            {
                ".xls" => Xls,
                ".ppt" => Ppt,
                _ => Doc,
            };
        }

        content.Position = 0;
        return found;
    }

    private static MediaType? SniffOfficeOpenXml(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            return names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)) ? Docx
                : names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)) ? Xlsx
                : names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal)) ? Pptx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
