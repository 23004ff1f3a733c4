using LearningPortal.Core.Auditing;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Media;
using LearningPortal.Core.Content.Publishing;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using YamlDotNet.Serialization;

namespace LearningPortal.Core.Content.Starter;

/// <summary>What an import did.</summary>
public sealed record ImportReport(int Created, int Published, int Skipped, int MediaAdded, IReadOnlyList<string> Problems);

/// <summary>
/// Reads a content folder (learning/, strategy/, toolkit/, pages/ of Markdown files with front matter, and
/// media/ with media.yml) into the database. Documents whose address already exists are left alone, so an
/// import can be repeated. Links written as media:file-name.pdf become /media/{id}/file-name.pdf.
/// </summary>
public partial class ContentImporter(PortalDbContext db, ContentEditor editor, ContentPublisher publisher, MediaLibrary media, ILogger<ContentImporter> logger)
{
    internal static readonly JsonSerializerOptions ReadOptions = new(DocumentTypes.Json)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>Imports a content folder; the actor is recorded as the author of every version.</summary>
    public async Task<ImportReport> ImportAsync(string folder, Actor actor, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var (mediaIds, mediaAdded) = await ImportMediaAsync(Path.Combine(folder, "media"), actor, problems, cancellationToken);
        int created = 0, published = 0, skipped = 0;
        foreach (var type in DocumentTypes.All)
        {
            var dir = Path.Combine(folder, DocumentTypes.Folder(type));
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(folder, file);
                try
                {
                    var result = await ImportFileAsync(type, await File.ReadAllTextAsync(file, cancellationToken), mediaIds, actor, cancellationToken);
                    switch (result.Kind)
                    {
                        case FileResult.Skipped:
                            skipped++;
                            break;
                        case FileResult.Published:
                            created++;
                            published++;
                            break;
                        case FileResult.Created:
                            created++;
                            break;
                        default:
                            problems.Add($"{name}: {result.Reason}");
                            break;
                    }
                }
                catch (Exception ex) when (ex is FormatException or JsonException or YamlDotNet.Core.YamlException)
                {
                    problems.Add($"{name}: {ex.Message}");
                }
            }
        }

        foreach (var problem in problems)
        {
            logger.LogWarning("Content import: {Problem}", problem);
        }

        return new ImportReport(created, published, skipped, mediaAdded, problems);
    }

    private enum FileResult
    {
        Skipped,
        Created,
        Published,
        Failed,
    }

    private async Task<(FileResult Kind, string? Reason)> ImportFileAsync(DocumentType folderType, string text, Dictionary<string, MediaItem> mediaByName, Actor actor, CancellationToken cancellationToken)
    {
        var file = ContentFile.Parse(text);
        var meta = file.Meta;
        var type = DocumentTypes.FromKey(Take(meta, "type")) ?? folderType;
        var slug = Take(meta, "slug") ?? "";
        var state = Take(meta, "state") ?? "published";
        var files = meta["files"] as JsonArray;
        meta.Remove("files");
        if (await db.Documents.AnyAsync(d => d.Type == type && d.Slug == slug, cancellationToken))
        {
            return (FileResult.Skipped, null);
        }

        var fields = (DocumentFields)meta.Deserialize(DocumentTypes.FieldsClass(type), ReadOptions)!;
        if (fields is ToolkitResourceFields toolkit && files is not null)
        {
            foreach (var name in files.Select(f => f?.GetValue<string>() ?? ""))
            {
                if (!mediaByName.TryGetValue(name, out var item))
                {
                    return (FileResult.Failed, $"the file {name} is not in media/");
                }

                toolkit.Files.Add(item.Id);
            }
        }

        var body = MediaLinks().Replace(file.Body, m => mediaByName.TryGetValue(m.Groups[1].Value, out var item)
            ? item.Address
            : m.Value);
        var createdVersion = await editor.CreateAsync(new DraftInput(slug, fields, body, "Imported"), actor, cancellationToken);
        if (!createdVersion.Succeeded)
        {
            return (FileResult.Failed, string.Join("; ", createdVersion.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }

        if (!string.Equals(state, "published", StringComparison.OrdinalIgnoreCase))
        {
            return (FileResult.Created, null);
        }

        var version = createdVersion.Value!;
        var outcome = await publisher.PublishImportedAsync(version.DocumentId, version.Number, actor, cancellationToken);
        return outcome.Succeeded ? (FileResult.Published, null) : (FileResult.Failed, string.Join("; ", outcome.Errors.Select(e => e.Message)));
    }

    private async Task<(Dictionary<string, MediaItem> ByName, int Added)> ImportMediaAsync(string dir, Actor actor, List<string> problems, CancellationToken cancellationToken)
    {
        var byName = new Dictionary<string, MediaItem>(StringComparer.OrdinalIgnoreCase);
        var manifest = Path.Combine(dir, "media.yml");
        if (!File.Exists(manifest))
        {
            return (byName, 0);
        }

        var entries = new DeserializerBuilder().WithNamingConvention(YamlDotNet.Serialization.NamingConventions.CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build()
            .Deserialize<MediaManifest>(await File.ReadAllTextAsync(manifest, cancellationToken))?.Media ?? [];
        var added = 0;
        foreach (var entry in entries)
        {
            var path = Path.Combine(dir, Path.GetFileName(entry.File));
            if (!File.Exists(path))
            {
                problems.Add($"media/{entry.File}: listed in media.yml but missing");
                continue;
            }

            // Importing again reuses a file already in the library (same name and bytes) rather than adding a copy.
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(path, cancellationToken)));
            var safeName = Path.GetFileName(entry.File);
            var existing = await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Sha256 == hash && m.FileName == safeName, cancellationToken);
            if (existing is not null)
            {
                byName[entry.File] = existing;
                continue;
            }

            await using var stream = File.OpenRead(path);
            var result = await media.UploadAsync(new MediaUpload(stream, entry.File, entry.Title, entry.Alt), actor, cancellationToken);
            if (result.Succeeded)
            {
                byName[entry.File] = result.Value!;
                added++;
            }
            else
            {
                problems.Add($"media/{entry.File}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
            }
        }

        return (byName, added);
    }

    private static string? Take(JsonObject meta, string key)
    {
        var value = meta[key]?.GetValue<string>();
        meta.Remove(key);
        return value;
    }

    [GeneratedRegex(@"media:([A-Za-z0-9._-]+)")]
    private static partial Regex MediaLinks();
}

/// <summary>media/media.yml: the files to add to the media library, with their titles and alt text.</summary>
public sealed class MediaManifest
{
    public List<MediaManifestEntry> Media { get; set; } = [];
}

public sealed class MediaManifestEntry
{
    public string File { get; set; } = "";

    public string? Title { get; set; }

    public string? Alt { get; set; }
}
