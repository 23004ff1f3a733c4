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
/// Moves documents and versions through their lives: publish now or at a UK time, unpublish now or at a UK
/// time, archive and restore, and the optional review step. Each change is journalled for search in the same
/// save; notifications are raised after the change is committed. With the review step on, a version is published only from review, by an Editor other than its author.
/// </summary>
public class ContentPublisher(
    PortalDbContext db,
    AuditLog audit,
    TimeProvider clock,
    SiteSettings settings,
    IOptionsMonitor<ContentOptions> options,
    NotificationPublisher notifications,
    SearchJournal searchJournal)
{
    /// <summary>Whether the review step is on (site setting, defaulting to Content:RequireReview).</summary>
    public Task<bool> ReviewRequiredAsync(CancellationToken cancellationToken = default) =>
        settings.GetBoolAsync(SiteSettings.ContentRequireReview, options.CurrentValue.RequireReview, cancellationToken);

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

    /// <summary>
    /// Schedules a version to be published at a UK wall-clock time. The time is converted with
    /// <see cref="UkTime.ToUtc"/>, so 9am in July is 08:00 UTC and 9am in January 09:00 UTC; a time that does
    /// not exist or happens twice on a clock-change night comes back with a warning saying how it was read.
    /// </summary>
    public async Task<Outcome<ScheduledContentChange>> SchedulePublishAsync(int documentId, int versionNumber, DateTime ukLocal, Actor actor, CancellationToken cancellationToken = default)
    {
        var (document, version, error) = await LoadAsync(documentId, versionNumber, cancellationToken);
        if (error is not null)
        {
            return error.As<ScheduledContentChange>();
        }

        if (version!.Status is not (VersionStatus.Draft or VersionStatus.InReview or VersionStatus.Scheduled))
        {
            return Outcome.Refuse<ScheduledContentChange>(Refusal.NotAllowed, $"Version {version.Number} has already been published; make a new draft from it to publish it again");
        }

        var review = await CheckReviewAsync(version, actor, cancellationToken);
        if (review is not null)
        {
            return review.As<ScheduledContentChange>();
        }

        var (dueUtc, warnings, invalid) = ReadUkTime(ukLocal, "published");
        if (invalid is not null)
        {
            return invalid;
        }

        await CancelOpenAsync(document!.Id, ScheduledAction.Publish, version.Id, "Replaced by a new schedule", cancellationToken);
        var schedule = NewSchedule(document, version.Id, ScheduledAction.Publish, dueUtc, actor);
        version.Status = VersionStatus.Scheduled;
        version.ScheduledPublishUtc = dueUtc;

        Touch(document);
        audit.Record(actor.UserId, actor.Name, "content.publish.scheduled", "document", Id(document), $"Version {version.Number} to be published at {UkTime.Format(dueUtc)}");
        return await CommitScheduleAsync(schedule, warnings, cancellationToken);
    }

    /// <summary>Schedules the document to be taken down at a UK wall-clock time.</summary>
    public async Task<Outcome<ScheduledContentChange>> ScheduleUnpublishAsync(int documentId, DateTime ukLocal, Actor actor, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return Outcome.NotFound<ScheduledContentChange>();
        }

        if (document.State == DocumentState.Archived)
        {
            return Outcome.Refuse<ScheduledContentChange>(Refusal.NotAllowed, "The document is archived");
        }

        var (dueUtc, warnings, invalid) = ReadUkTime(ukLocal, "unpublished");
        if (invalid is not null)
        {
            return invalid;
        }

        await CancelOpenAsync(document.Id, ScheduledAction.Unpublish, null, "Replaced by a new schedule", cancellationToken);
        var schedule = NewSchedule(document, null, ScheduledAction.Unpublish, dueUtc, actor);
        Touch(document);
        audit.Record(actor.UserId, actor.Name, "content.unpublish.scheduled", "document", Id(document), $"To be unpublished at {UkTime.Format(dueUtc)}");
        return await CommitScheduleAsync(schedule, warnings, cancellationToken);
    }

    /// <summary>Cancels an open schedule; a scheduled version goes back to being a draft.</summary>
    public async Task<Outcome<ScheduledContentChange>> CancelScheduleAsync(long scheduleId, Actor actor, CancellationToken cancellationToken = default)
    {
        var schedule = await db.ScheduledContentChanges.Include(s => s.Document)
            .FirstOrDefaultAsync(s => s.Id == scheduleId && s.CompletedUtc == null && s.CancelledUtc == null, cancellationToken);
        if (schedule is null)
        {
            return Outcome.NotFound<ScheduledContentChange>("The schedule was not found, or has already been carried out");
        }

        await CancelOpenAsync(schedule.DocumentId, schedule.Action, schedule.VersionId, $"Cancelled by {actor.Name}", cancellationToken);
        Touch(schedule.Document);
        audit.Record(actor.UserId, actor.Name, "content.schedule.cancelled", "document", Id(schedule.Document), $"{schedule.Action} at {UkTime.Format(schedule.DueUtc)} cancelled");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success<ScheduledContentChange>(schedule);
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

    /// <summary>Submits a draft for review by another Editor.</summary>
    public async Task<Outcome<DocumentVersion>> SubmitForReviewAsync(int documentId, int versionNumber, Actor actor, CancellationToken cancellationToken = default)
    {
        var (document, version, error) = await LoadAsync(documentId, versionNumber, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (version!.Status != VersionStatus.Draft)
        {
            return Outcome.Refuse<DocumentVersion>(Refusal.NotAllowed, $"Only a draft can be submitted for review; version {version.Number} is {version.Status.ToString().ToLowerInvariant()}");
        }

        version.Status = VersionStatus.InReview;
        version.SubmittedForReviewUtc = clock.GetUtcNow().UtcDateTime;
        version.ReviewNote = null;
        Touch(document!);
        audit.Record(actor.UserId, actor.Name, "content.review.submitted", "document", Id(document!), $"Version {version.Number} submitted for review");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success<DocumentVersion>(version);
    }

    /// <summary>Sends a version in review back to its author as a draft, with a note saying why.</summary>
    public async Task<Outcome<DocumentVersion>> ReturnToDraftAsync(int documentId, int versionNumber, string note, Actor actor, CancellationToken cancellationToken = default)
    {
        var (document, version, error) = await LoadAsync(documentId, versionNumber, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (version!.Status != VersionStatus.InReview)
        {
            return Outcome.Refuse<DocumentVersion>(Refusal.NotAllowed, $"Version {version.Number} is not in review");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return Outcome.Refuse<DocumentVersion>(Refusal.Invalid, "Enter what needs to change", "Note");
        }

        version.Status = VersionStatus.Draft;
        version.ReviewNote = note.Trim().Length > 1000 ? note.Trim()[..1000] : note.Trim();
        version.ReviewedById = actor.UserId;
        version.ReviewedByName = actor.Name;
        Touch(document!);
        audit.Record(actor.UserId, actor.Name, "content.review.returned", "document", Id(document!), $"Version {version.Number} returned: {version.ReviewNote}");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success<DocumentVersion>(version);
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

    private async Task<Outcome<DocumentVersion>?> CheckReviewAsync(DocumentVersion version, Actor actor, CancellationToken cancellationToken)
    {
        if (!await ReviewRequiredAsync(cancellationToken))
        {
            return null;
        }

        if (version.Status == VersionStatus.Scheduled && version.ReviewedById is not null)
        {
            return null;
        }

        if (version.Status != VersionStatus.InReview)
        {
            return Outcome.Refuse<DocumentVersion>(Refusal.NotAllowed, "Submit this version for review: another Editor must approve it before it is published");
        }

        if (version.AuthorId is not null && version.AuthorId == actor.UserId)
        {
            return Outcome.Refuse<DocumentVersion>(Refusal.NotAllowed, "You wrote this version: another Editor must approve it");
        }

        version.ReviewedById = actor.UserId;
        version.ReviewedByName = actor.Name;
        return null;
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

    private (DateTime DueUtc, string[] Warnings, Outcome<ScheduledContentChange>? Invalid) ReadUkTime(DateTime ukLocal, string verb)
    {
        var local = DateTime.SpecifyKind(ukLocal, DateTimeKind.Unspecified);
        var dueUtc = UkTime.ToUtc(local);
        var en = CultureInfo.GetCultureInfo("en-GB");
        var asked = local.ToString("h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant() + " on " + local.ToString("d MMMM yyyy", en);
        string[] warnings = UkTime.Zone.IsInvalidTime(local)
            ? [$"There is no {asked} in the UK because the clocks go forward that night; it will be {verb} at {UkTime.Format(dueUtc)} (BST)."]
            : UkTime.Zone.IsAmbiguousTime(local)
                ? [$"{asked} happens twice because the clocks go back that night; it will be {verb} at the first one, {UkTime.Format(dueUtc)} (BST)."]
                : [];
        if (dueUtc <= clock.GetUtcNow().UtcDateTime)
        {
            return (dueUtc, warnings, Outcome.Refuse<ScheduledContentChange>(Refusal.Invalid, "The date and time must be in the future", "When"));
        }

        return (dueUtc, warnings, null);
    }

    private ScheduledContentChange NewSchedule(Document document, int? versionId, ScheduledAction action, DateTime dueUtc, Actor actor)
    {
        var schedule = new ScheduledContentChange
        {
            Document = document,
            VersionId = versionId,
            Action = action,
            DueUtc = dueUtc,
            RequestedById = actor.UserId,
            RequestedByName = actor.Name,
            RequestedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ScheduledContentChanges.Add(schedule);
        return schedule;
    }

    private async Task CancelOpenAsync(int documentId, ScheduledAction action, int? versionId, string why, CancellationToken cancellationToken, bool exceptLeased = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.ScheduledContentChanges
            .Where(s => s.DocumentId == documentId && s.Action == action && s.CompletedUtc == null && s.CancelledUtc == null
                && (versionId == null || s.VersionId == versionId) && (!exceptLeased || s.LeaseOwner == null))
            .ToListAsync(cancellationToken);
        foreach (var s in open)
        {
            s.CancelledUtc = now;
            s.Outcome = why;
            if (s.VersionId is { } vid)
            {
                var v = await db.DocumentVersions.FirstAsync(x => x.Id == vid, cancellationToken);
                if (v.Status == VersionStatus.Scheduled)
                {
                    v.Status = v.ReviewedById is not null && v.SubmittedForReviewUtc is not null ? VersionStatus.InReview : VersionStatus.Draft;
                    v.ScheduledPublishUtc = null;
                }
            }
        }
    }

    private async Task<Outcome<ScheduledContentChange>> CommitScheduleAsync(ScheduledContentChange schedule, string[] warnings, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Refuse<ScheduledContentChange>(Refusal.Conflict, "Someone else changed this document just now; check it and try again");
        }

        return Outcome.Success<ScheduledContentChange>(schedule, warnings);
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
