using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Settings;

namespace LearningPortal.Core.Content.Publishing;

/// <summary>The optional review step: a version goes to review, and is published from it by an Editor other than its author, or returned to draft with a note.</summary>
public partial class ContentPublisher
{
    /// <summary>Whether the review step is on (site setting, defaulting to Content:RequireReview).</summary>
    public Task<bool> ReviewRequiredAsync(CancellationToken cancellationToken = default) =>
        settings.GetBoolAsync(SiteSettings.ContentRequireReview, options.CurrentValue.RequireReview, cancellationToken);

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
}
