using System.Security.Cryptography;
using LearningPortal.Core.Content.Media;

namespace LearningPortal.Web.Commands;

/// <summary>
/// Copies every media file from the folder store (Content:MediaPath) into the database store, under the same key,
/// checking each copy against the SHA-256 recorded at upload: <c>move-media-to-database</c>. Safe to run again (files
/// already in the database are skipped) and while the site runs. The folder is left as it was: delete it once the
/// site serves media from the database (Content:MediaStore=Database).
/// </summary>
public static class MoveMediaCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var folder = services.GetRequiredService<FileSystemMediaStore>();
        var database = services.GetRequiredService<DatabaseMediaStore>();
        var items = await db.MediaItems.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.FileName, m.StorageKey, m.Sha256 }).ToListAsync();
        int moved = 0, present = 0, problems = 0;
        foreach (var item in items)
        {
            if (await database.ExistsAsync(item.StorageKey))
            {
                present++;
                continue;
            }

            await using var file = await folder.OpenAsync(item.StorageKey);
            if (file is null)
            {
                await output.WriteLineAsync($"Media {item.Id} ({item.FileName}): no file under {folder.Root}.");
                problems++;
                continue;
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            var bytes = buffer.ToArray();
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), item.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                await output.WriteLineAsync($"Media {item.Id} ({item.FileName}): the file does not match the upload's SHA-256; not moved.");
                problems++;
                continue;
            }

            await database.SaveAsync(item.StorageKey, bytes);
            moved++;
        }

        await output.WriteLineAsync($"Moved {moved} media files into the database; {present} were there already; {problems} could not be moved.");
        return problems == 0 ? 0 : 1;
    }
}
