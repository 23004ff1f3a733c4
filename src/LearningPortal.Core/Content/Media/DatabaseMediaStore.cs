using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningPortal.Core.Content.Media;

/// <summary>
/// Keeps media bytes in the database (table MediaBlobs): the store for several instances, where a folder on one
/// server would be missing on the others. Files are read whole (uploads are capped, 20 MB by default), and each
/// call uses its own context so that the store can be a singleton like the folder store.
/// </summary>
public sealed class DatabaseMediaStore(IServiceScopeFactory scopes, TimeProvider clock) : IMediaStore
{
    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var key = Guid.NewGuid().ToString("N");
        await SaveAsync(key, buffer.ToArray(), cancellationToken);
        return key;
    }

    /// <summary>Stores bytes under a key chosen elsewhere (moving files from the folder store keeps their keys).</summary>
    public async Task SaveAsync(string key, byte[] bytes, CancellationToken cancellationToken = default)
    {
        Check(key);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.MediaBlobs.Add(new MediaBlob { Key = key, Content = bytes, Length = bytes.LongLength, CreatedUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether bytes are stored under the key.</summary>
    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        Check(key);
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().MediaBlobs.AnyAsync(b => b.Key == key, cancellationToken);
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken = default)
    {
        Check(key);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var bytes = await db.MediaBlobs.AsNoTracking().Where(b => b.Key == key).Select(b => b.Content).FirstOrDefaultAsync(cancellationToken);
        return bytes is null ? null : new MemoryStream(bytes, writable: false);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        Check(key);
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().MediaBlobs.Where(b => b.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    // The same keys as the folder store; anything else is refused rather than looked up.
    private static void Check(string key)
    {
        if (key.Length != 32 || !key.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a media key.", nameof(key));
        }
    }
}
