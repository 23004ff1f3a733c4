using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Content.Reading;

/// <summary>The back office's content list filters.</summary>
public sealed record ContentSearch(string? Text = null, DocumentType? Type = null, DocumentState? State = null, bool IncludeArchived = false, int Page = 1, int PageSize = 25);

/// <summary>A line in the back office's content list.</summary>
public sealed record ContentSummary(int Id, DocumentType Type, string Title, string Slug, DocumentState State, int LatestVersionNumber,
    int? PublishedVersionNumber, DateTime UpdatedUtc, DateTime? NextScheduleUtc)
{
    public string Path => DocumentTypes.PathFor(Type, Slug);

    /// <summary>Saved changes that are not live yet.</summary>
    public bool HasUnpublishedChanges => PublishedVersionNumber is { } p && LatestVersionNumber > p;
}

/// <summary>A version in a document's history (without its content).</summary>
public sealed record VersionSummary(int Id, int Number, string Title, VersionStatus Status, string AuthorName, string? AuthorId, DateTime CreatedUtc,
    string? Note, int? CopiedFromNumber, DateTime? PublishedUtc, DateTime? RetiredUtc, DateTime? ScheduledPublishUtc, string? ReviewNote, string? ReviewedByName);

/// <summary>An open or finished schedule.</summary>
public sealed record ScheduleSummary(long Id, ScheduledAction Action, int? VersionNumber, DateTime DueUtc, string RequestedByName,
    DateTime? CompletedUtc, DateTime? CancelledUtc, string? Outcome)
{
    public bool IsOpen => CompletedUtc is null && CancelledUtc is null;
}

/// <summary>
/// Back-office reads: find documents, open any version (drafts included), history, schedules and the
/// difference between two versions. The publishing side is <see cref="Publishing.ContentEditor"/> and
/// <see cref="Publishing.ContentPublisher"/>.
/// </summary>
public class ContentLibrary(PortalDbContext db)
{
    public async Task<ResultPage<ContentSummary>> SearchAsync(ContentSearch search, CancellationToken cancellationToken = default)
    {
        var q = db.Documents.AsNoTracking();
        if (search.Type is { } type)
        {
            q = q.Where(d => d.Type == type);
        }

        if (search.State is { } state)
        {
            q = q.Where(d => d.State == state);
        }
        else if (!search.IncludeArchived)
        {
            q = q.Where(d => d.State != DocumentState.Archived);
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim().ToLowerInvariant();
            // EF translates ToLower().Contains to SQL; the StringComparison overload does not translate.
#pragma warning disable CA1862
            q = q.Where(d => d.Title.ToLower().Contains(text) || d.Slug.Contains(text));
#pragma warning restore CA1862
        }

        var pageSize = Math.Clamp(search.PageSize, 1, 200);
        var total = await q.CountAsync(cancellationToken);
        var page = Math.Clamp(search.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await q.OrderByDescending(d => d.UpdatedUtc).ThenByDescending(d => d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(d => new ContentSummary(d.Id, d.Type, d.Title, d.Slug, d.State, d.LatestVersionNumber,
                d.PublishedVersion != null ? d.PublishedVersion.Number : null, d.UpdatedUtc,
                db.ScheduledContentChanges.Where(s => s.DocumentId == d.Id && s.CompletedUtc == null && s.CancelledUtc == null)
                    .OrderBy(s => s.DueUtc).Select(s => (DateTime?)s.DueUtc).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new ResultPage<ContentSummary>(rows, total, page, pageSize);
    }

    public Task<Document?> GetDocumentAsync(int id, CancellationToken cancellationToken = default) =>
        db.Documents.AsNoTracking().Include(d => d.PublishedVersion).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    /// <summary>Any version of a document (drafts included), with its fields read.</summary>
    public async Task<PublishedPage?> GetVersionAsync(int documentId, int number, CancellationToken cancellationToken = default)
    {
        var version = await db.DocumentVersions.AsNoTracking().Include(v => v.Document).Include(v => v.Questions)
            .FirstOrDefaultAsync(v => v.DocumentId == documentId && v.Number == number, cancellationToken);
        return version is null ? null : new PublishedPage(version.Document, version, DocumentTypes.ReadFields(version.Document.Type, version.FieldsJson));
    }

    /// <summary>The latest version (what the editor opens).</summary>
    public async Task<PublishedPage?> GetLatestAsync(int documentId, CancellationToken cancellationToken = default)
    {
        var latest = await db.Documents.Where(d => d.Id == documentId).Select(d => (int?)d.LatestVersionNumber).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : await GetVersionAsync(documentId, latest.Value, cancellationToken);
    }

    /// <summary>Every version, newest first.</summary>
    public async Task<IReadOnlyList<VersionSummary>> HistoryAsync(int documentId, CancellationToken cancellationToken = default) =>
        await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == documentId).OrderByDescending(v => v.Number)
            .Select(v => new VersionSummary(v.Id, v.Number, v.Title, v.Status, v.AuthorName, v.AuthorId, v.CreatedUtc, v.Note, v.CopiedFromNumber,
                v.PublishedUtc, v.RetiredUtc, v.ScheduledPublishUtc, v.ReviewNote, v.ReviewedByName))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ScheduleSummary>> SchedulesAsync(int documentId, bool openOnly = true, CancellationToken cancellationToken = default)
    {
        var rows = await db.ScheduledContentChanges.AsNoTracking()
            .Where(s => s.DocumentId == documentId && (!openOnly || (s.CompletedUtc == null && s.CancelledUtc == null)))
            .OrderBy(s => s.DueUtc)
            .Select(s => new
            {
                s.Id,
                s.Action,
                s.DueUtc,
                s.RequestedByName,
                s.CompletedUtc,
                s.CancelledUtc,
                s.Outcome,
                Number = db.DocumentVersions.Where(v => v.Id == s.VersionId).Select(v => (int?)v.Number).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(s => new ScheduleSummary(s.Id, s.Action, s.Number, s.DueUtc, s.RequestedByName, s.CompletedUtc, s.CancelledUtc, s.Outcome)).ToList();
    }

    /// <summary>Versions in review, oldest first, for the reviewers' queue.</summary>
    public async Task<IReadOnlyList<(int DocumentId, VersionSummary Version)>> InReviewAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.DocumentVersions.AsNoTracking().Where(v => v.Status == VersionStatus.InReview).OrderBy(v => v.SubmittedForReviewUtc)
            .Select(v => new
            {
                v.DocumentId,
                Summary = new VersionSummary(v.Id, v.Number, v.Title, v.Status, v.AuthorName, v.AuthorId, v.CreatedUtc, v.Note,
                v.CopiedFromNumber, v.PublishedUtc, v.RetiredUtc, v.ScheduledPublishUtc, v.ReviewNote, v.ReviewedByName)
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.DocumentId, r.Summary)).ToList();
    }

    /// <summary>Field-by-field line difference between two versions of a document; null if either is missing.</summary>
    public async Task<IReadOnlyList<FieldDiff>?> DiffAsync(int documentId, int fromNumber, int toNumber, CancellationToken cancellationToken = default)
    {
        var versions = await db.DocumentVersions.AsNoTracking().Include(v => v.Document)
            .Where(v => v.DocumentId == documentId && (v.Number == fromNumber || v.Number == toNumber))
            .ToListAsync(cancellationToken);
        var from = versions.FirstOrDefault(v => v.Number == fromNumber);
        var to = versions.FirstOrDefault(v => v.Number == toNumber);
        return from is null || to is null ? null : ContentDiff.Compare(from.Document.Type, from, to);
    }
}
