using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Content.Reading;

/// <summary>A redirect as the back office lists it.</summary>
public sealed record RedirectInfo(int Id, string FromPath, int DocumentId, string DocumentTitle, string ToPath, bool TargetIsLive, DateTime CreatedUtc, string CreatedByName);

/// <summary>
/// Old addresses that keep working. Publishing a version with a new slug adds one; editors list and remove them.
/// A redirect points at the document, not at a path, so a chain of renames resolves in one hop.
/// </summary>
public class ContentRedirects(PortalDbContext db, AuditLog audit)
{
    /// <summary>The current address for an old one, or null when there is no redirect or its document is not live.</summary>
    public async Task<string?> FindAsync(string path, CancellationToken cancellationToken = default)
    {
        var key = Normalise(path);
        var target = await db.ContentRedirects.AsNoTracking()
            .Where(r => r.FromPath == key && r.Document.State == DocumentState.Published)
            .Select(r => new { r.Document.Type, r.Document.Slug })
            .FirstOrDefaultAsync(cancellationToken);
        return target is null ? null : DocumentTypes.PathFor(target.Type, target.Slug);
    }

    public async Task<IReadOnlyList<RedirectInfo>> ListAsync(int? documentId = null, CancellationToken cancellationToken = default)
    {
        var rows = await db.ContentRedirects.AsNoTracking()
            .Where(r => documentId == null || r.DocumentId == documentId)
            .OrderBy(r => r.FromPath)
            .Select(r => new { r.Id, r.FromPath, r.DocumentId, r.Document.Title, r.Document.Type, r.Document.Slug, r.Document.State, r.CreatedUtc, r.CreatedByName })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new RedirectInfo(r.Id, r.FromPath, r.DocumentId, r.Title, DocumentTypes.PathFor(r.Type, r.Slug),
            r.State == DocumentState.Published, r.CreatedUtc, r.CreatedByName)).ToList();
    }

    /// <summary>Removes a redirect; the old address then gives "page not found".</summary>
    public async Task<Outcome<RedirectInfo>> RemoveAsync(int id, Actor actor, CancellationToken cancellationToken = default)
    {
        var redirect = await db.ContentRedirects.Include(r => r.Document).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (redirect is null)
        {
            return Outcome.NotFound<RedirectInfo>("The redirect was not found");
        }

        db.ContentRedirects.Remove(redirect);
        audit.Record(actor.UserId, actor.Name, "content.redirect.removed", "document", redirect.DocumentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{redirect.FromPath} no longer redirects");
        await db.SaveChangesAsync(cancellationToken);
        var d = redirect.Document;
        return Outcome.Success<RedirectInfo>(new RedirectInfo(redirect.Id, redirect.FromPath, d.Id, d.Title, DocumentTypes.PathFor(d.Type, d.Slug),
            d.State == DocumentState.Published, redirect.CreatedUtc, redirect.CreatedByName));
    }

    private static string Normalise(string path) => "/" + path.Trim().Trim('/').ToLowerInvariant();
}
