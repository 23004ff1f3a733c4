using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Content.Media;

/// <summary>What an upload says about the file besides its bytes.</summary>
public sealed record MediaUpload(Stream Content, string FileName, string? Title = null, string? AltText = null);

/// <summary>A document that uses a media item.</summary>
public sealed record MediaUse(int DocumentId, DocumentType Type, string Title, DocumentState State);

/// <summary>
/// The media library: upload (type checked from the bytes, size limited, images need alt text), replace
/// (same id, so the address keeps working), describe, list, find where an item is used, open to serve.
/// </summary>
public partial class MediaLibrary(PortalDbContext db, IMediaStore store, AuditLog audit, TimeProvider clock, IOptionsMonitor<ContentOptions> options)
{
    public async Task<Outcome<MediaItem>> UploadAsync(MediaUpload upload, Actor actor, CancellationToken cancellationToken = default)
    {
        var (checkedUpload, type, errors) = await CheckAsync(upload, requireAlt: true, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<MediaItem>(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var item = new MediaItem
        {
            FileName = SafeFileName(upload.FileName, type!),
            Title = string.IsNullOrWhiteSpace(upload.Title) ? Path.GetFileNameWithoutExtension(upload.FileName).Trim() : upload.Title.Trim(),
            ContentType = type!.ContentType,
            AltText = string.IsNullOrWhiteSpace(upload.AltText) ? null : upload.AltText.Trim(),
            UploadedUtc = now,
            UpdatedUtc = now,
            UploadedByName = actor.Name,
        };
        if (item.Title.Length > 200)
        {
            item.Title = item.Title[..200];
        }

        await StoreAsync(item, checkedUpload!, cancellationToken);
        db.MediaItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(actor.UserId, actor.Name, "media.uploaded", "media", Id(item), $"{item.FileName} ({type.Name}, {item.SizeBytes:N0} bytes)");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success<MediaItem>(item);
    }

    /// <summary>Replaces an item's file. The id, and so the address /media/{id}/..., stays the same.</summary>
    public async Task<Outcome<MediaItem>> ReplaceAsync(int id, MediaUpload upload, Actor actor, CancellationToken cancellationToken = default)
    {
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null)
        {
            return Outcome.NotFound<MediaItem>("The file was not found");
        }

        var (checkedUpload, type, errors) = await CheckAsync(upload with { AltText = upload.AltText ?? item.AltText }, requireAlt: true, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<MediaItem>(errors);
        }

        var oldKey = item.StorageKey;
        item.ContentType = type!.ContentType;
        item.FileName = SafeFileName(upload.FileName, type);
        item.AltText = string.IsNullOrWhiteSpace(upload.AltText) ? item.AltText : upload.AltText.Trim();
        item.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await StoreAsync(item, checkedUpload!, cancellationToken);
        audit.Record(actor.UserId, actor.Name, "media.replaced", "media", Id(item), $"File replaced with {item.FileName} ({item.SizeBytes:N0} bytes)");
        await db.SaveChangesAsync(cancellationToken);
        await store.DeleteAsync(oldKey, cancellationToken);
        return Outcome.Success<MediaItem>(item);
    }

    /// <summary>Changes an item's title and alt text.</summary>
    public async Task<Outcome<MediaItem>> DescribeAsync(int id, string title, string? altText, Actor actor, CancellationToken cancellationToken = default)
    {
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null)
        {
            return Outcome.NotFound<MediaItem>("The file was not found");
        }

        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 200)
        {
            errors.Add(new FieldError("Title", "Enter a title of 200 characters or fewer"));
        }

        if (item.IsImage && string.IsNullOrWhiteSpace(altText))
        {
            errors.Add(new FieldError("AltText", "Enter alt text that describes the image"));
        }

        if (altText?.Length > 500)
        {
            errors.Add(new FieldError("AltText", "Alt text must be 500 characters or fewer"));
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<MediaItem>(errors);
        }

        item.Title = title.Trim();
        item.AltText = string.IsNullOrWhiteSpace(altText) ? null : altText.Trim();
        item.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor.UserId, actor.Name, "media.described", "media", Id(item), $"Title and alt text of {item.FileName} changed");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success<MediaItem>(item);
    }

    public Task<MediaItem?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    public async Task<IReadOnlyList<MediaItem>> ListAsync(string? text = null, CancellationToken cancellationToken = default)
    {
        var q = db.MediaItems.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim().ToLowerInvariant();
            // EF translates ToLower().Contains to SQL; the StringComparison overload does not translate.
#pragma warning disable CA1862
            q = q.Where(m => m.Title.ToLower().Contains(t) || m.FileName.ToLower().Contains(t));
#pragma warning restore CA1862
        }

        return await q.OrderByDescending(m => m.UpdatedUtc).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Documents whose current draft or published version uses the item (a toolkit file or a /media/{id}/ link).
    /// The latest version's references are kept on the document; a published version that a newer draft has
    /// moved on from is read too, so a file a live page still links to is never reported unused.
    /// </summary>
    public async Task<IReadOnlyList<MediaUse>> UsageAsync(int id, CancellationToken cancellationToken = default)
    {
        var token = $"|{id.ToString(CultureInfo.InvariantCulture)}|";
        var uses = await db.Documents.AsNoTracking().Where(d => d.MediaReferences.Contains(token))
            .Select(d => new MediaUse(d.Id, d.Type, d.Title, d.State)).ToListAsync(cancellationToken);
        var behind = await db.Documents.AsNoTracking()
            .Where(d => d.PublishedVersionId != null && d.PublishedVersion!.Number != d.LatestVersionNumber && !d.MediaReferences.Contains(token))
            .Select(d => new { d.Id, d.Type, d.Title, d.State, d.PublishedVersion!.FieldsJson, d.PublishedVersion.Body })
            .ToListAsync(cancellationToken);
        foreach (var live in behind)
        {
            if (Publishing.MediaReferences.Find(Fields.DocumentTypes.ReadFields(live.Type, live.FieldsJson), live.Body).Contains(id))
            {
                uses.Add(new MediaUse(live.Id, live.Type, live.Title, live.State));
            }
        }

        return [.. uses.OrderBy(u => u.Title, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>
    /// Whether a published version uses the item, which makes it public. Until then (a file uploaded for a draft) only
    /// the people who may see drafts may download it.
    /// </summary>
    public async Task<bool> IsPublishedAsync(int id, CancellationToken cancellationToken = default)
    {
        var token = $"|{id.ToString(CultureInfo.InvariantCulture)}|";
        // A document whose latest version is the published one keeps that version's references.
        if (await db.Documents.AnyAsync(d => d.PublishedVersionId != null && d.PublishedVersion!.Number == d.LatestVersionNumber && d.MediaReferences.Contains(token), cancellationToken))
        {
            return true;
        }

        var behind = await db.Documents.AsNoTracking()
            .Where(d => d.PublishedVersionId != null && d.PublishedVersion!.Number != d.LatestVersionNumber)
            .Select(d => new { d.Type, d.PublishedVersion!.FieldsJson, d.PublishedVersion.Body })
            .ToListAsync(cancellationToken);
        return behind.Any(live => Publishing.MediaReferences.Find(Fields.DocumentTypes.ReadFields(live.Type, live.FieldsJson), live.Body).Contains(id));
    }

    /// <summary>Deletes an item and its file, only when no draft or published version uses it.</summary>
    public async Task<Outcome<MediaItem>> DeleteAsync(int id, Actor actor, CancellationToken cancellationToken = default)
    {
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null)
        {
            return Outcome.NotFound<MediaItem>("The file was not found");
        }

        var uses = await UsageAsync(id, cancellationToken);
        if (uses.Count > 0)
        {
            return Outcome.Refuse<MediaItem>(Refusal.NotAllowed,
                $"{item.Title} cannot be deleted because {uses.Count} {(uses.Count == 1 ? "document uses" : "documents use")} it");
        }

        db.MediaItems.Remove(item);
        audit.Record(actor.UserId, actor.Name, "media.deleted", "media", Id(item), $"{item.FileName} ({item.Title}) deleted");
        await db.SaveChangesAsync(cancellationToken);
        await store.DeleteAsync(item.StorageKey, cancellationToken);
        return Outcome.Success<MediaItem>(item);
    }

    /// <summary>The largest file the library accepts, in bytes.</summary>
    public long MaxUploadBytes => options.CurrentValue.MaxUploadBytes;

    /// <summary>The error for a file over the limit (also shown when the request itself was too large to read).</summary>
    public string TooLargeMessage => $"The selected file must be smaller than {Megabytes(MaxUploadBytes)} MB";

    private static string Megabytes(long bytes) => (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Opens an item's bytes to serve them; null if the item or its file is missing.</summary>
    public async Task<(MediaItem Item, Stream Content)?> OpenAsync(int id, CancellationToken cancellationToken = default)
    {
        var item = await GetAsync(id, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var stream = await store.OpenAsync(item.StorageKey, cancellationToken);
        return stream is null ? null : (item, stream);
    }

    private async Task<(Stream? Content, MediaType? Type, List<FieldError> Errors)> CheckAsync(MediaUpload upload, bool requireAlt, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var max = options.CurrentValue.MaxUploadBytes;
        // Buffer (up to the limit) so the type check and the hash see the same bytes as the store.
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.Content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                errors.Add(new FieldError("File", TooLargeMessage));
                return (null, null, errors);
            }
        }

        if (buffer.Length == 0)
        {
            errors.Add(new FieldError("File", "The selected file is empty"));
            return (null, null, errors);
        }

        var type = MediaTypes.Sniff(buffer, upload.FileName);
        if (type is null)
        {
            errors.Add(new FieldError("File", "The selected file must be a PDF, Word, Excel or PowerPoint document, or a PNG, JPEG, GIF or WebP image"));
        }
        else if (requireAlt && type.ContentType.StartsWith("image/", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(upload.AltText))
        {
            errors.Add(new FieldError("AltText", "Enter alt text that describes the image"));
        }

        if (upload.AltText?.Length > 500)
        {
            errors.Add(new FieldError("AltText", "Alt text must be 500 characters or fewer"));
        }

        buffer.Position = 0;
        return (buffer, type, errors);
    }

    private async Task StoreAsync(MediaItem item, Stream content, CancellationToken cancellationToken)
    {
        content.Position = 0;
        item.SizeBytes = content.Length;
        item.Sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        content.Position = 0;
        item.StorageKey = await store.SaveAsync(content, cancellationToken);
    }

    /// <summary>A name safe in an address and a download: letters, digits, hyphens, with the extension of the real type.</summary>
    internal static string SafeFileName(string fileName, MediaType type)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName.Replace('\\', '/')));
        stem = Unsafe().Replace(stem.ToLowerInvariant(), "-").Trim('-', '.');
        if (stem.Length == 0)
        {
            stem = "file";
        }

        if (stem.Length > 150)
        {
            stem = stem[..150];
        }

        return stem + type.Extension;
    }

    private static string Id(MediaItem item) => item.Id.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Unsafe();
}
