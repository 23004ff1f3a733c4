using System.Runtime.CompilerServices;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Rendering;
using LearningPortal.Core.Data;
using LearningPortal.Core.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningPortal.Core.Content;

/// <summary>
/// What search indexes from the content engine: the published version of every document and, for the
/// back-office search, the newest draft of each document whose newest version is not live. Every change to a
/// document records <see cref="Changed"/> in the search journal in the same save as the change itself.
/// </summary>
public sealed class ContentSearchSource(IServiceScopeFactory scopes) : ISearchSource
{
    private static readonly Dictionary<DocumentType, SearchKind> KindOf = new()
    {
        [DocumentType.LearningBriefing] = new("briefing", "Learning briefings"),
        [DocumentType.Strategy] = new("strategy", "Strategy"),
        [DocumentType.ToolkitResource] = new("toolkit", "Toolkit"),
        [DocumentType.Page] = new("page", "Pages"),
    };

    public IReadOnlyCollection<SearchKind> Kinds => KindOf.Values;

    public static string KindFor(DocumentType type) => KindOf[type].Name;

    /// <summary>
    /// Journals a change to a document (a draft saved, published, unpublished, archived, restored): search re-reads
    /// it from this source, so the entry never says more than which document. The caller's save commits it.
    /// </summary>
    public static void Changed(SearchJournal journal, Document document) =>
        journal.Record(KindFor(document.Type), document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), SearchOperation.Upsert);

    public async IAsyncEnumerable<SearchDocument> GetAllAsync(bool includeDrafts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var ids = await db.Documents.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(200))
        {
            foreach (var document in await ReadAsync(db, chunk, includeDrafts, cancellationToken))
            {
                yield return document;
            }

            db.ChangeTracker.Clear();
        }
    }

    public async Task<IReadOnlyCollection<SearchDocument>> GetAsync(string kind, string id, bool includeDrafts, CancellationToken cancellationToken)
    {
        if (!int.TryParse(id, out var documentId) || !KindOf.Values.Any(k => k.Name == kind))
        {
            return [];
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await ReadAsync(db, [documentId], includeDrafts, cancellationToken);
    }

    private static async Task<List<SearchDocument>> ReadAsync(PortalDbContext db, int[] documentIds, bool includeDrafts, CancellationToken cancellationToken)
    {
        var documents = await db.Documents.AsNoTracking().Where(d => documentIds.Contains(d.Id)).ToListAsync(cancellationToken);
        var versionIds = documents.Where(d => d.State == DocumentState.Published && d.PublishedVersionId != null)
            .Select(d => d.PublishedVersionId!.Value).ToList();
        // The published version and, for drafts, only each document's newest version: a document revised many
        // times would otherwise bring every old version (and its questions) back to pick one. The document keeps
        // its newest number (the editor sets it in the same save as the version), so this is a join on its key
        // rather than a MAX over its versions.
        var wanted = await db.DocumentVersions.AsNoTracking()
            .Where(v => versionIds.Contains(v.Id)
                || (includeDrafts && documentIds.Contains(v.DocumentId) && v.Number == v.Document.LatestVersionNumber))
            .Include(v => v.Questions)
            .ToListAsync(cancellationToken);
        var result = new List<SearchDocument>();
        foreach (var document in documents)
        {
            var versions = wanted.Where(v => v.DocumentId == document.Id).ToList();
            var published = versions.FirstOrDefault(v => v.Id == document.PublishedVersionId && document.State == DocumentState.Published);
            if (published is not null)
            {
                result.Add(ToSearch(document, published, isDraft: false));
            }

            // Only the published and the newest versions were read; the newest may be newer than this copy of the document.
            var newest = versions.MaxBy(v => v.Number);
            if (includeDrafts && newest is not null && newest.Id != published?.Id && document.State != DocumentState.Archived)
            {
                result.Add(ToSearch(document, newest, isDraft: true));
            }
        }

        return result;
    }

    private static SearchDocument ToSearch(Document document, DocumentVersion version, bool isDraft)
    {
        var fields = DocumentTypes.ReadFields(document.Type, version.FieldsJson);
        // Plain words, as readers see them: snippets are cut from this, so no Markdown and no internal keys.
        var text = string.Join("\n", fields.Describe()
            .Where(f => f.Key is not nameof(DocumentFields.Title) and not nameof(DocumentFields.Summary))
            .Select(f => f.IsMarkdown ? GovUkMarkdown.ToPlainText(f.Text) : f.Text));
        return new SearchDocument
        {
            Kind = KindFor(document.Type),
            Id = document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Url = isDraft ? $"/manage/content/{document.Id}" : DocumentTypes.PathFor(document.Type, version.Slug),
            Title = fields.Title,
            Summary = fields.Summary,
            Body = text + "\n" + GovUkMarkdown.ToPlainText(version.Body),
            Questions = version.Questions.OrderBy(q => q.Position).Select(q => q.Text).ToList(),
            Themes = (document.ListingThemes ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries),
            Format = fields switch
            {
                LearningBriefingFields b when Enum.IsDefined(b.Format) => ContentNames.Name(b.Format),
                ToolkitResourceFields t when Enum.IsDefined(t.Category) => ContentNames.Name(t.Category),
                _ => null,
            },
            // A briefing is dated by its audit (as the learning index filters), from this version: a draft's own audit date.
            Date = fields is LearningBriefingFields { AuditDate: { } audit } ? audit : document.ListingDate,
            UpdatedUtc = version.PublishedUtc ?? version.CreatedUtc,
            IsDraft = isDraft,
        };
    }
}
