using System.Globalization;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Data;
using LearningPortal.Core.Notifications;
using LearningPortal.Core.Search;
using LearningPortal.Core.Settings;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Content.Publishing;

/// <summary>
/// Moves documents and versions through their lives: publish and unpublish now (this file), at a UK time
/// (<c>ContentPublisher.Scheduling.cs</c>), archive and restore, and the optional review step
/// (<c>ContentPublisher.Review.cs</c>). Each change is journalled for search in the same
/// save; notifications are raised after the change is committed. With the review step on, a version is published only from review, by an Editor other than its author.
/// </summary>
public partial class ContentPublisher(
    PortalDbContext db,
    AuditLog audit,
    TimeProvider clock,
    SiteSettings settings,
    IOptionsMonitor<ContentOptions> options,
    NotificationPublisher notifications,
    SearchJournal searchJournal)
{
    /// <summary>Publishes a version now (with the review step on: approves and publishes a version in review).</summary>
    public async Task<Outcome<DocumentVersion>> PublishAsync(int documentId, int versionNumber, Actor actor, CancellationToken cancellationToken = default)
    {
        var (document, version, error) = await LoadAsync(documentId, versionNumber, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var review = await CheckReviewAsync(version!, actor, cancellationToken);
        if (review is not null)
        {
            return review;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var result = await ApplyPublishAsync(document!, version!, actor, now, cancellationToken);
        if (!result.Outcome.Succeeded)
        {
            return result.Outcome;
        }

        return await CommitAsync(result.Outcome, result.Notifications, cancellationToken);
    }

    /// <summary>Publishes an imported version: a system action, so the review step does not apply.</summary>
    internal async Task<Outcome<DocumentVersion>> PublishImportedAsync(int documentId, int versionNumber, Actor actor, CancellationToken cancellationToken)
    {
        var (document, version, error) = await LoadAsync(documentId, versionNumber, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var result = await ApplyPublishAsync(document!, version!, actor, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return result.Outcome.Succeeded ? await CommitAsync(result.Outcome, result.Notifications, cancellationToken) : result.Outcome;
    }

    /// <summary>Takes the document down now; it stays in the back office and can be published again.</summary>
    public async Task<Outcome<Document>> UnpublishAsync(int documentId, Actor actor, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.Include(d => d.PublishedVersion).FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return Outcome.NotFound<Document>();
        }

        var result = await ApplyUnpublishAsync(document, actor, clock.GetUtcNow().UtcDateTime, DocumentState.Unpublished, cancellationToken);
        return result.Outcome.Succeeded ? await CommitAsync(result.Outcome, result.Notifications, cancellationToken) : result.Outcome;
    }

    /// <summary>Archives the document: unpublished if live, open schedules cancelled, hidden from the usual lists.</summary>
    public async Task<Outcome<Document>> ArchiveAsync(int documentId, Actor actor, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.Include(d => d.PublishedVersion).FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return Outcome.NotFound<Document>();
        }

        if (document.State == DocumentState.Archived)
        {
            return Outcome.Refuse<Document>(Refusal.NotAllowed, "The document is already archived");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        List<INotification> raised = [];
        if (document.PublishedVersion is not null)
        {
            var result = await ApplyUnpublishAsync(document, actor, now, DocumentState.Archived, cancellationToken);
            raised.AddRange(result.Notifications);
        }

        await CancelOpenAsync(document.Id, ScheduledAction.Publish, null, "The document was archived", cancellationToken);
        await CancelOpenAsync(document.Id, ScheduledAction.Unpublish, null, "The document was archived", cancellationToken);
        document.State = DocumentState.Archived;
        Touch(document);
        audit.Record(actor.UserId, actor.Name, "content.archived", "document", Id(document), $"'{document.Title}' archived");
        return await CommitAsync(Outcome.Success<Document>(document), raised, cancellationToken);
    }

    /// <summary>Brings an archived document back, unpublished (or as a draft if it was never published).</summary>
    public async Task<Outcome<Document>> RestoreAsync(int documentId, Actor actor, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return Outcome.NotFound<Document>();
        }

        if (document.State != DocumentState.Archived)
        {
            return Outcome.Refuse<Document>(Refusal.NotAllowed, "Only an archived document can be restored");
        }

        document.State = document.FirstPublishedUtc is null ? DocumentState.Draft : DocumentState.Unpublished;
        Touch(document);
        audit.Record(actor.UserId, actor.Name, "content.restored", "document", Id(document), $"'{document.Title}' restored");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success<Document>(document);
    }

    /// <summary>
    /// Makes a version live, without saving: the scheduler and <see cref="PublishAsync"/> share it. The old live
    /// version is retired, a changed address leaves a permanent redirect, and older open publish schedules are cancelled.
    /// </summary>
    internal async Task<(Outcome<DocumentVersion> Outcome, List<INotification> Notifications)> ApplyPublishAsync(
        Document document, DocumentVersion version, Actor actor, DateTime now, CancellationToken cancellationToken)
    {
        if (document.State == DocumentState.Archived)
        {
            return (Outcome.Refuse<DocumentVersion>(Refusal.NotAllowed, "The document is archived; restore it first"), []);
        }

        if (version.Status is VersionStatus.Published)
        {
            return (Outcome.Refuse<DocumentVersion>(Refusal.NotAllowed, $"Version {version.Number} is already live"), []);
        }

        if (version.Status is VersionStatus.Superseded)
        {
            return (Outcome.Refuse<DocumentVersion>(Refusal.NotAllowed, $"Version {version.Number} was live before; make a new draft from it to publish it again"), []);
        }

        var live = document.PublishedVersionId is { } liveId
            ? document.PublishedVersion ?? await db.DocumentVersions.FirstAsync(v => v.Id == liveId, cancellationToken)
            : null;
        if (live is not null && live.Number > version.Number)
        {
            return (Outcome.Refuse<DocumentVersion>(Refusal.NotAllowed, $"A later version ({live.Number}) is already live"), []);
        }

        if (await db.Documents.AnyAsync(d => d.Type == document.Type && d.Slug == version.Slug && d.Id != document.Id, cancellationToken))
        {
            return (Outcome.Refuse<DocumentVersion>(Refusal.Invalid, $"Another document already uses the address {DocumentTypes.PathFor(document.Type, version.Slug)}", "Slug"), []);
        }

        var fields = DocumentTypes.ReadFields(document.Type, version.FieldsJson);
        if (fields.Validate() is { Count: > 0 } errors)
        {
            return (Outcome.Invalid<DocumentVersion>(errors.Select(e => e with { Field = "Fields." + e.Field }).ToList()), []);
        }

        if (live is not null)
        {
            live.Status = VersionStatus.Superseded;
            live.RetiredUtc = now;
        }

        if (document.FirstPublishedUtc is not null && document.Slug != version.Slug)
        {
            await AddRedirectAsync(document, DocumentTypes.PathFor(document.Type, document.Slug), actor, now, cancellationToken);
        }

        // The new live address must not redirect anywhere.
        var newPath = DocumentTypes.PathFor(document.Type, version.Slug);
        db.ContentRedirects.RemoveRange(await db.ContentRedirects.Where(r => r.FromPath == newPath).ToListAsync(cancellationToken));

        document.Slug = version.Slug;
        document.PublishedVersion = version;
        document.State = DocumentState.Published;
        document.PublishedTitle = fields.Title;
        document.PublishedSummary = fields.Summary;
        fields.CopyListing(document);
        document.FirstPublishedUtc ??= now;
        document.ListingDate ??= DateOnly.FromDateTime(UkTime.FromUtc(document.FirstPublishedUtc.Value));
        document.LastPublishedUtc = now;
        Touch(document);

        version.Status = VersionStatus.Published;
        version.PublishedUtc = now;
        version.PublishedByName = actor.Name;
        version.RetiredUtc = null;
        version.ScheduledPublishUtc = null;

        // Older open publish schedules would take the document backwards; they are void now.
        var stale = await db.ScheduledContentChanges
            .Where(s => s.DocumentId == document.Id && s.Action == ScheduledAction.Publish && s.CompletedUtc == null && s.CancelledUtc == null && s.LeaseOwner == null)
            .Join(db.DocumentVersions, s => s.VersionId, v => v.Id, (s, v) => new { s, v })
            .Where(x => x.v.Number <= version.Number)
            .ToListAsync(cancellationToken);
        foreach (var x in stale)
        {
            x.s.CancelledUtc = now;
            x.s.Outcome = $"Void: version {version.Number} was published";
            if (x.v.Id != version.Id && x.v.Status == VersionStatus.Scheduled)
            {
                x.v.Status = VersionStatus.Draft;
                x.v.ScheduledPublishUtc = null;
            }
        }

        audit.Record(actor.UserId, actor.Name, "content.published", "document", Id(document), $"Version {version.Number} of '{fields.Title}' published at {DocumentTypes.PathFor(document.Type, document.Slug)}");
        return (Outcome.Success<DocumentVersion>(version), [new ContentPublished(document.Id, version.Id, document.Type, document.Slug)]);
    }

    /// <summary>Takes a document down, without saving.</summary>
    internal async Task<(Outcome<Document> Outcome, List<INotification> Notifications)> ApplyUnpublishAsync(
        Document document, Actor actor, DateTime now, DocumentState newState, CancellationToken cancellationToken)
    {
        var live = document.PublishedVersionId is { } liveId
            ? document.PublishedVersion ?? await db.DocumentVersions.FirstAsync(v => v.Id == liveId, cancellationToken)
            : null;
        if (live is null)
        {
            return (Outcome.Refuse<Document>(Refusal.NotAllowed, "The document is not published"), []);
        }

        live.Status = VersionStatus.Superseded;
        live.RetiredUtc = now;
        document.PublishedVersion = null;
        document.PublishedVersionId = null;
        document.State = newState;
        Touch(document);
        await CancelOpenAsync(document.Id, ScheduledAction.Unpublish, null, "The document was unpublished", cancellationToken, exceptLeased: true);
        audit.Record(actor.UserId, actor.Name, "content.unpublished", "document", Id(document), $"'{document.Title}' taken down from {DocumentTypes.PathFor(document.Type, document.Slug)}");
        return (Outcome.Success<Document>(document), [new ContentUnpublished(document.Id, live.Id, document.Type, document.Slug)]);
    }

    private async Task AddRedirectAsync(Document document, string fromPath, Actor actor, DateTime now, CancellationToken cancellationToken)
    {
        var existing = await db.ContentRedirects.FirstOrDefaultAsync(r => r.FromPath == fromPath, cancellationToken);
        if (existing is null)
        {
            db.ContentRedirects.Add(new ContentRedirect { FromPath = fromPath, DocumentId = document.Id, CreatedUtc = now, CreatedByName = actor.Name });
        }
        else
        {
            existing.DocumentId = document.Id;
        }

        audit.Record(actor.UserId, actor.Name, "content.redirect.added", "document", Id(document), $"{fromPath} now redirects here");
    }

    private async Task<(Document? Document, DocumentVersion? Version, Outcome<DocumentVersion>? Error)> LoadAsync(int documentId, int versionNumber, CancellationToken cancellationToken)
    {
        var document = await db.Documents.Include(d => d.PublishedVersion).FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return (null, null, Outcome.NotFound<DocumentVersion>());
        }

        var version = await db.DocumentVersions.FirstOrDefaultAsync(v => v.DocumentId == documentId && v.Number == versionNumber, cancellationToken);
        return version is null
            ? (document, null, Outcome.NotFound<DocumentVersion>($"Version {versionNumber} was not found"))
            : (document, version, null);
    }

    private async Task<Outcome<T>> CommitAsync<T>(Outcome<T> outcome, List<INotification> raised, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Refuse<T>(Refusal.Conflict, "Someone else changed this document just now; check it and try again");
        }

        await notifications.PublishAllAsync(raised, cancellationToken);
        return outcome;
    }

    // Every change to a document is journalled for search in the same save, so no instance's index can miss it.
    private void Touch(Document document)
    {
        document.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        document.ConcurrencyStamp = Guid.NewGuid();
        ContentSearchSource.Changed(searchJournal, document);
    }

    private static string Id(Document document) => document.Id.ToString(CultureInfo.InvariantCulture);
}
