using System.Globalization;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Content.Publishing;

/// <summary>Publishing and unpublishing at a UK time: schedules that <see cref="ContentScheduler"/> carries out when they fall due.</summary>
public partial class ContentPublisher
{
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
}
