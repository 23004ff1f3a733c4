using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Media;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Content.Import;

/// <summary>A document read and checked, ready to keep in the media library and map to a draft.</summary>
/// <param name="Kind">"Word document" or "PDF".</param>
public sealed record ImportRead(ReadDocument Document, string Kind);

/// <summary>
/// Imports a Word document or a PDF: checks the file (type from its bytes, against its name; the media library's size
/// limit; no passwords, no macros, page and text limits, a time limit), reads it with the reader for its format,
/// keeps the original in the media library, and maps it to a proposed draft. It never saves a draft: the Editor
/// reviews the proposal and saves it through <see cref="Publishing.ContentEditor"/>.
/// </summary>
public sealed class DocumentImporter(MediaLibrary media, IOptionsMonitor<ContentOptions> options)
{
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public ImportLimits Limits => options.CurrentValue.Import;

    /// <summary>The file types the upload accepts, for the page's hint.</summary>
    public static string Accepted => ".docx or .pdf";

    /// <summary>Reads and checks a file without keeping anything.</summary>
    public async Task<Outcome<ImportRead>> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        var max = media.MaxUploadBytes;
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int got;
        while ((got = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, got);
            if (buffer.Length > max)
            {
                return Refused(media.TooLargeMessage);
            }
        }

        if (buffer.Length == 0)
        {
            return Refused(ImportMessages.Empty);
        }

        buffer.Position = 0;
        var limits = Limits;
        try
        {
            var (kind, read) = Choose(buffer, fileName);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(limits.Timeout);
            // The readers check the token between pages and paragraphs; WaitAsync also answers if one page alone runs long.
            var document = await Task.Run(() => read(buffer, limits, timeout.Token), timeout.Token).WaitAsync(limits.Timeout, cancellationToken);
            if (document.Blocks.Count == 0)
            {
                return Refused(kind == "PDF" ? ImportMessages.NoTextInPdf : ImportMessages.NoText);
            }

            return Outcome.Success(new ImportRead(document, kind));
        }
        catch (ImportRefusedException e)
        {
            return Refused(e.Message);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Refused(ImportMessages.TimedOut);
        }
    }

    /// <summary>
    /// Checks and reads the file, then keeps it in the media library (its type, size and title rules apply). Nothing is
    /// kept when the file cannot be imported.
    /// </summary>
    public async Task<Outcome<MediaItem>> UploadAsync(Stream content, string fileName, Actor actor, CancellationToken cancellationToken = default)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        var read = await ReadAsync(copy, fileName, cancellationToken);
        if (!read.Succeeded)
        {
            return read.As<MediaItem>();
        }

        var proposal = BriefingMapper.Map(read.Value!.Document, null, fileName, null);
        copy.Position = 0;
        var title = $"Original of {proposal.Fields.Title}";
        return await media.UploadAsync(new MediaUpload(copy, fileName, title.Length > 200 ? title[..200] : title), actor, cancellationToken);
    }

    /// <summary>Proposes a draft from a file in the media library; <paramref name="type"/> null lets the document decide.</summary>
    public async Task<Outcome<ImportProposal>> ProposeAsync(int mediaId, DocumentType? type, CancellationToken cancellationToken = default)
    {
        var opened = await media.OpenAsync(mediaId, cancellationToken);
        if (opened is not { } file)
        {
            return Outcome.NotFound<ImportProposal>("The file was not found in the media library");
        }

        await using (file.Content)
        {
            var read = await ReadAsync(file.Content, file.Item.FileName, cancellationToken);
            if (!read.Succeeded)
            {
                return read.As<ImportProposal>();
            }

            return Outcome.Success(Propose(read.Value!.Document, type, file.Item));
        }
    }

    /// <summary>Maps a read document, linking the draft to its original in the media library.</summary>
    public static ImportProposal Propose(ReadDocument document, DocumentType? type, MediaItem original) =>
        BriefingMapper.Map(document, type, original.FileName, OriginalLink(original));

    /// <summary>The address a draft links the original by; the content editor records the draft as using the item from it.</summary>
    public static string OriginalLink(MediaItem item) => item.Address;

    /// <summary>One image of a file in the media library, read again from the file (for the review page's preview).</summary>
    public async Task<ImportImage?> ImageAsync(int mediaId, int number, CancellationToken cancellationToken = default)
    {
        var opened = await media.OpenAsync(mediaId, cancellationToken);
        if (opened is not { } file)
        {
            return null;
        }

        await using (file.Content)
        {
            var read = await ReadAsync(file.Content, file.Item.FileName, cancellationToken);
            return read.Succeeded ? read.Value!.Document.Images.FirstOrDefault(i => i.Number == number) : null;
        }
    }

    /// <summary>
    /// Adds the images the Editor kept to the media library through its service (type, size and alt-text rules), when
    /// the draft is saved. If one is refused, those already added are removed again, so the library gains all or none.
    /// </summary>
    /// <param name="images">Each image with the alt text the Editor gave it.</param>
    /// <param name="title">The draft's title, for the items' titles and file names.</param>
    public async Task<Outcome<IReadOnlyDictionary<int, MediaItem>>> AddImagesAsync(
        IReadOnlyList<(ImportImage Image, string AltText)> images, string title, Actor actor, CancellationToken cancellationToken = default)
    {
        var added = new Dictionary<int, MediaItem>();
        var stem = Slugs.FromTitle(title);
        foreach (var (image, altText) in images)
        {
            var itemTitle = $"{title}: image {image.Number}";
            var upload = new MediaUpload(new MemoryStream(image.Bytes, writable: false), $"{stem}-image-{image.Number}{Path.GetExtension(image.FileName)}",
                itemTitle.Length > 200 ? itemTitle[..200] : itemTitle, altText);
            var outcome = await media.UploadAsync(upload, actor, cancellationToken);
            if (!outcome.Succeeded)
            {
                await RemoveImagesAsync(added.Values, actor, CancellationToken.None);
                var error = outcome.Errors[0];
                return Outcome.Refuse<IReadOnlyDictionary<int, MediaItem>>(Refusal.Invalid, $"Image {image.Number}: {error.Message}", $"Image{image.Number}.{error.Field}");
            }

            added[image.Number] = outcome.Value!;
        }

        return Outcome.Success<IReadOnlyDictionary<int, MediaItem>>(added);
    }

    /// <summary>Takes images added for a draft out of the library again, when the draft could not be saved after all.</summary>
    public async Task RemoveImagesAsync(IEnumerable<MediaItem> items, Actor actor, CancellationToken cancellationToken = default)
    {
        foreach (var item in items.ToList())
        {
            await media.DeleteAsync(item.Id, actor, cancellationToken);
        }
    }

    private static (string Kind, Func<Stream, ImportLimits, CancellationToken, ReadDocument> Read) Choose(MemoryStream buffer, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var head = buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, 8));
        if (extension == ".docm")
        {
            throw new ImportRefusedException(ImportMessages.MacroEnabled);
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return extension is ".docx" or ".doc"
                ? throw new ImportRefusedException(ImportMessages.Mismatch(extension, "a PDF"))
                : ("PDF", PdfReader.Read);
        }

        if (head.StartsWith(OleMagic))
        {
            // A password-protected .docx is not a zip at all: Word wraps the encrypted package in an OLE compound file
            // whose directory names an "EncryptedPackage" stream. The same container holds the old binary .doc format.
            throw new ImportRefusedException(HasEncryptedPackage(buffer)
                ? ImportMessages.PasswordProtected("Word document", "Word (File, Info, Protect document)")
                : extension == ".pdf" ? ImportMessages.Mismatch(extension, "an older Office document") : ImportMessages.OldWord);
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            var type = MediaTypes.Sniff(buffer, fileName);
            if (type == MediaTypes.Docx)
            {
                return extension == ".pdf"
                    ? throw new ImportRefusedException(ImportMessages.Mismatch(extension, "a Word document"))
                    : ("Word document", WordReader.Read);
            }

            if (type is not null)
            {
                throw new ImportRefusedException(extension is ".docx" or ".pdf" ? ImportMessages.Mismatch(extension, "an " + type.Name) : ImportMessages.NotWordOrPdf);
            }

            throw new ImportRefusedException(extension == ".docx" ? ImportMessages.Damaged("Word document") : ImportMessages.NotWordOrPdf);
        }

        var other = MediaTypes.Sniff(buffer, fileName);
        if (extension is ".docx" or ".pdf")
        {
            throw new ImportRefusedException(ImportMessages.Mismatch(extension, other is null ? "not a Word document or a PDF" : "a " + other.Name));
        }

        throw new ImportRefusedException(ImportMessages.NotWordOrPdf);
    }

    /// <summary>Whether an OLE compound file's directory names an EncryptedPackage stream (names are UTF-16).</summary>
    internal static bool HasEncryptedPackage(MemoryStream buffer)
    {
        var name = System.Text.Encoding.Unicode.GetBytes("EncryptedPackage");
        return buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOf(name) >= 0;
    }

    private static Outcome<ImportRead> Refused(string message) => Outcome.Refuse<ImportRead>(Refusal.Invalid, message, "File");
}
