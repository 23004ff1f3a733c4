using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Media;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace LearningPortal.Core.Content.Starter;

/// <summary>What an export wrote.</summary>
public sealed record ExportReport(int Documents, int Media, string Folder);

/// <summary>
/// Writes the database's content back to a folder the importer reads: the live version of every published
/// document (state: published) and the latest version of every never-published one (state: draft); archived
/// documents and unpublished drafts of live documents are left out. Question identities travel in the front
/// matter; media links become media:file-name so they survive new ids.
/// </summary>
public partial class ContentExporter(PortalDbContext db, IMediaStore store)
{
    public async Task<ExportReport> ExportAsync(string folder, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var mediaNames = await ExportMediaAsync(Path.Combine(folder, "media"), cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => d.State != DocumentState.Archived).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var document in documents)
        {
            var number = document.PublishedVersionId is { } liveId
                ? await db.DocumentVersions.Where(v => v.Id == liveId).Select(v => v.Number).FirstAsync(cancellationToken)
                : document.FirstPublishedUtc is null ? document.LatestVersionNumber : (int?)null;
            if (number is null)
            {
                continue;
            }

            var version = await db.DocumentVersions.AsNoTracking().FirstAsync(v => v.DocumentId == document.Id && v.Number == number, cancellationToken);
            var fields = DocumentTypes.ReadFields(document.Type, version.FieldsJson);
            var meta = new JsonObject
            {
                ["type"] = DocumentTypes.Key(document.Type),
                ["slug"] = version.Slug,
                ["state"] = document.PublishedVersionId is null ? "draft" : "published",
            };
            var fieldsJson = JsonSerializer.SerializeToNode(fields, fields.GetType(), DocumentTypes.Json)!.AsObject();
            fieldsJson.Remove("files");
            // Title and summary first, then the type's own fields, as a person writing the file would order them.
            foreach (var (key, value) in fieldsJson.OrderBy(kv => kv.Key switch { "title" => 0, "summary" => 1, _ => 2 }).ToList())
            {
                fieldsJson.Remove(key);
                meta.TryAdd(key, value);
            }

            if (fields is ToolkitResourceFields toolkit)
            {
                meta["files"] = new JsonArray(toolkit.Files.Where(mediaNames.ContainsKey).Select(id => (JsonNode)JsonValue.Create(mediaNames[id])!).ToArray());
            }

            var body = MediaLinks().Replace(version.Body, m =>
                int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var id) && mediaNames.TryGetValue(id, out var name) ? "media:" + name : m.Value);
            var dir = Path.Combine(folder, DocumentTypes.Folder(document.Type));
            Directory.CreateDirectory(dir);
            await File.WriteAllTextAsync(Path.Combine(dir, version.Slug + ".md"), new ContentFile(meta, body).ToString(), cancellationToken);
            count++;
        }

        return new ExportReport(count, mediaNames.Count, Path.GetFullPath(folder));
    }

    private async Task<Dictionary<int, string>> ExportMediaAsync(string dir, CancellationToken cancellationToken)
    {
        var names = new Dictionary<int, string>();
        var items = await db.MediaItems.AsNoTracking().OrderBy(m => m.Id).ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            return names;
        }

        Directory.CreateDirectory(dir);
        var manifest = new MediaManifest();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            await using var content = await store.OpenAsync(item.StorageKey, cancellationToken);
            if (content is null)
            {
                continue;
            }

            var name = used.Add(item.FileName) ? item.FileName
                : $"{Path.GetFileNameWithoutExtension(item.FileName)}-{item.Id.ToString(CultureInfo.InvariantCulture)}{Path.GetExtension(item.FileName)}";
            used.Add(name);
            await using (var file = File.Create(Path.Combine(dir, name)))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            names[item.Id] = name;
            manifest.Media.Add(new MediaManifestEntry { File = name, Title = item.Title, Alt = item.AltText });
        }

        var yaml = new SerializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance)
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull).Build().Serialize(manifest);
        await File.WriteAllTextAsync(Path.Combine(dir, "media.yml"), yaml, cancellationToken);
        return names;
    }

    [GeneratedRegex(@"/media/(\d{1,9})(?:/[0-9a-f]{32})?/[A-Za-z0-9._-]*")]
    private static partial Regex MediaLinks();
}
