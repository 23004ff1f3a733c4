using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Content.Reading;

/// <summary>A document as readers see it: the live (or an earlier published) version and its fields.</summary>
public sealed record PublishedPage(Document Document, DocumentVersion Version, DocumentFields Fields)
{
    public string Path => DocumentTypes.PathFor(Document.Type, Document.Slug);

    /// <summary>Whether this is the live version (false for an earlier version opened from the history).</summary>
    public bool IsCurrent => Document.PublishedVersionId == Version.Id;
}

/// <summary>A line in a public list.</summary>
public sealed record ListingItem(int Id, DocumentType Type, string Slug, string Title, string Summary, DateOnly? Date,
    string? Format, IReadOnlyList<string> Themes, string? Category, DateTime FirstPublishedUtc, DateTime LastPublishedUtc)
{
    public string Path => DocumentTypes.PathFor(Type, Slug);
}

/// <summary>An earlier or current published version, for "which version was current when".</summary>
public sealed record PublishedVersionInfo(int Number, DateTime PublishedUtc, DateTime? RetiredUtc, string? Note, bool IsCurrent);

/// <summary>A page of results.</summary>
public sealed record ResultPage<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The learning index's filters: theme and format keys, a year, a page.</summary>
public sealed record LearningQuery(string? Theme = null, string? Format = null, int? Year = null, int Page = 1, int PageSize = 20);

/// <summary>
/// What readers can see: only published documents, and earlier versions that were once published. Drafts,
/// scheduled versions and archived documents never come out of here.
/// </summary>
public class PublishedContent(PortalDbContext db)
{
    /// <summary>The live version of a document at its address, or null.</summary>
    public async Task<PublishedPage?> GetAsync(DocumentType type, string slug, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.PublishedVersion).ThenInclude(v => v!.Questions)
            .FirstOrDefaultAsync(d => d.Type == type && d.Slug == slug && d.State == DocumentState.Published, cancellationToken);
        if (document?.PublishedVersion is not { } version)
        {
            return null;
        }

        return new PublishedPage(document, version, DocumentTypes.ReadFields(type, version.FieldsJson));
    }

    /// <summary>An earlier (or the current) published version of a live document, or null for drafts and unknown numbers.</summary>
    public async Task<PublishedPage?> GetVersionAsync(DocumentType type, string slug, int number, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Type == type && d.Slug == slug && d.State == DocumentState.Published, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var version = await db.DocumentVersions.AsNoTracking().Include(v => v.Questions)
            .FirstOrDefaultAsync(v => v.DocumentId == document.Id && v.Number == number && v.PublishedUtc != null, cancellationToken);
        return version is null ? null : new PublishedPage(document, version, DocumentTypes.ReadFields(type, version.FieldsJson));
    }

    /// <summary>Every version that has been live, newest first, with when it was current.</summary>
    public async Task<IReadOnlyList<PublishedVersionInfo>> VersionsAsync(int documentId, CancellationToken cancellationToken = default)
    {
        var liveId = await db.Documents.Where(d => d.Id == documentId).Select(d => d.PublishedVersionId).FirstOrDefaultAsync(cancellationToken);
        var rows = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.DocumentId == documentId && v.PublishedUtc != null)
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.PublishedUtc, v.RetiredUtc, v.Note })
            .ToListAsync(cancellationToken);
        return rows.Select(v => new PublishedVersionInfo(v.Number, v.PublishedUtc!.Value, v.RetiredUtc, v.Note, v.Id == liveId)).ToList();
    }

    /// <summary>The version that was live at an instant (e.g. when a supervision discussion took place), or null.</summary>
    public async Task<PublishedVersionInfo?> VersionCurrentAtAsync(int documentId, DateTime utc, CancellationToken cancellationToken = default)
    {
        var all = await VersionsAsync(documentId, cancellationToken);
        return all.FirstOrDefault(v => v.PublishedUtc <= utc && (v.RetiredUtc is null || v.RetiredUtc > utc));
    }

    /// <summary>The learning index: published briefings, filtered, newest first (by audit date, then publication).</summary>
    public async Task<ResultPage<ListingItem>> LearningAsync(LearningQuery query, CancellationToken cancellationToken = default)
    {
        var q = Published(DocumentType.LearningBriefing);
        if (!string.IsNullOrEmpty(query.Theme))
        {
            var token = "|" + query.Theme + "|";
            q = q.Where(d => d.ListingThemes!.Contains(token));
        }

        if (!string.IsNullOrEmpty(query.Format))
        {
            q = q.Where(d => d.ListingFormat == query.Format);
        }

        if (query.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year + 1, 1, 1);
            q = q.Where(d => d.ListingDate >= from && d.ListingDate < to);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var total = await q.CountAsync(cancellationToken);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var items = await Project(q.OrderByDescending(d => d.ListingDate).ThenByDescending(d => d.FirstPublishedUtc).ThenByDescending(d => d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize), cancellationToken);
        return new ResultPage<ListingItem>(items, total, page, pageSize);
    }

    /// <summary>The years that published briefings are dated, newest first, for the year filter.</summary>
    public async Task<IReadOnlyList<int>> LearningYearsAsync(CancellationToken cancellationToken = default)
    {
        // Years, not dates, come back: a handful of rows however many briefings there are.
        var years = await Published(DocumentType.LearningBriefing).Where(d => d.ListingDate != null)
            .Select(d => d.ListingDate!.Value.Year).Distinct().ToListAsync(cancellationToken);
        return years.OrderByDescending(y => y).ToList();
    }

    /// <summary>All published documents of a type, by title (toolkit, strategies, pages).</summary>
    public Task<IReadOnlyList<ListingItem>> ListAsync(DocumentType type, CancellationToken cancellationToken = default) =>
        Project(Published(type).OrderBy(d => d.PublishedTitle), cancellationToken);

    /// <summary>Published briefings by their slugs (for a toolkit resource's related briefings), in the order given.</summary>
    public async Task<IReadOnlyList<ListingItem>> BriefingsAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken = default)
    {
        if (slugs.Count == 0)
        {
            return [];
        }

        var list = slugs.ToList();
        var items = await Project(Published(DocumentType.LearningBriefing).Where(d => list.Contains(d.Slug)), cancellationToken);
        return items.OrderBy(i => list.IndexOf(i.Slug)).ToList();
    }

    /// <summary>The most recently published or updated documents of a type, for the feed.</summary>
    public Task<IReadOnlyList<ListingItem>> RecentlyUpdatedAsync(DocumentType type, int count, CancellationToken cancellationToken = default) =>
        Project(Published(type).OrderByDescending(d => d.LastPublishedUtc).ThenByDescending(d => d.Id).Take(count), cancellationToken);

    /// <summary>Every published document, for the sitemap.</summary>
    public Task<IReadOnlyList<ListingItem>> AllAsync(CancellationToken cancellationToken = default) =>
        Project(db.Documents.AsNoTracking().Where(d => d.State == DocumentState.Published && d.PublishedVersionId != null).OrderBy(d => d.Type).ThenBy(d => d.Slug), cancellationToken);

    private IQueryable<Document> Published(DocumentType type) =>
        db.Documents.AsNoTracking().Where(d => d.Type == type && d.State == DocumentState.Published && d.PublishedVersionId != null);

    private static async Task<IReadOnlyList<ListingItem>> Project(IQueryable<Document> q, CancellationToken cancellationToken)
    {
        var rows = await q.Select(d => new
        {
            d.Id,
            d.Type,
            d.Slug,
            d.PublishedTitle,
            d.PublishedSummary,
            d.ListingDate,
            d.ListingFormat,
            d.ListingThemes,
            d.ListingCategory,
            d.FirstPublishedUtc,
            d.LastPublishedUtc,
        }).ToListAsync(cancellationToken);
        return rows.Select(d => new ListingItem(d.Id, d.Type, d.Slug, d.PublishedTitle ?? "", d.PublishedSummary ?? "", d.ListingDate,
            d.ListingFormat, (d.ListingThemes ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries), d.ListingCategory,
            d.FirstPublishedUtc ?? default, d.LastPublishedUtc ?? default)).ToList();
    }
}
