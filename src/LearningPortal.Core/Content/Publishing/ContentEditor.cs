using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Data;
using LearningPortal.Core.Notifications;
using LearningPortal.Core.Search;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Content.Publishing;

/// <summary>
/// Creates documents and saves drafts. Every save is a new version (who, when, note); nothing is overwritten.
/// A save states which version it started from; if someone saved a later one meanwhile, it is refused
/// with <see cref="Refusal.Conflict"/>.
/// </summary>
public class ContentEditor(PortalDbContext db, AuditLog audit, TimeProvider clock, NotificationPublisher notifications, SearchJournal searchJournal)
{
    public const int BodyMaxLength = 200_000;

    /// <summary>Creates a document with its first version as a draft.</summary>
    public async Task<Outcome<DocumentVersion>> CreateAsync(DraftInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        var type = input.Fields.Type;
        var errors = await ValidateAsync(type, null, input, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<DocumentVersion>(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var document = new Document { Type = type, Slug = input.Slug, CreatedUtc = now, State = DocumentState.Draft };
        db.Documents.Add(document);
        var version = AddVersion(document, input, actor, now, copiedFrom: null);
        // The audit line and the search journal entry need the new id; one transaction keeps them with the document.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refuse<DocumentVersion>(Refusal.Conflict, $"Another document was saved with the address {DocumentTypes.PathFor(type, input.Slug)} just now; choose another", "Slug");
        }

        audit.Record(actor.UserId, actor.Name, "content.created", "document", document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{ContentNames.Name(type)} '{version.Title}' created as version 1");
        ContentSearchSource.Changed(searchJournal, document);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifications.PublishAsync(new ContentDraftSaved(document.Id, version.Id, type), cancellationToken);
        return Outcome.Success<DocumentVersion>(version);
    }

    /// <summary>Saves a new draft version of a document.</summary>
    /// <param name="basedOnVersion">The version number the editor opened; a later save by someone else makes this a conflict.</param>
    public async Task<Outcome<DocumentVersion>> SaveDraftAsync(int documentId, int basedOnVersion, DraftInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return Outcome.NotFound<DocumentVersion>();
        }

        if (document.Type != input.Fields.Type)
        {
            return Outcome.Refuse<DocumentVersion>(Refusal.Invalid, "The fields do not match the document's type");
        }

        if (document.LatestVersionNumber != basedOnVersion)
        {
            return await ConflictAsync(document, cancellationToken);
        }

        var errors = await ValidateAsync(document.Type, document.Id, input, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<DocumentVersion>(errors);
        }

        return await SaveAsync(document, input, actor, null, "content.draft.saved", cancellationToken);
    }

    /// <summary>Copies an earlier version into a new draft (roll back). Nothing is published until someone publishes it.</summary>
    public async Task<Outcome<DocumentVersion>> RollBackAsync(int documentId, int toVersionNumber, int basedOnVersion, Actor actor, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        var old = await db.DocumentVersions.AsNoTracking().FirstOrDefaultAsync(v => v.DocumentId == documentId && v.Number == toVersionNumber, cancellationToken);
        if (document is null || old is null)
        {
            return Outcome.NotFound<DocumentVersion>("The version was not found");
        }

        if (document.LatestVersionNumber != basedOnVersion)
        {
            return await ConflictAsync(document, cancellationToken);
        }

        var input = new DraftInput(old.Slug, DocumentTypes.ReadFields(document.Type, old.FieldsJson), old.Body, $"Rolled back to version {old.Number}");
        return await SaveAsync(document, input, actor, old.Number, "content.rolled-back", cancellationToken);
    }

    /// <summary>Checks a draft without saving it (for a preview that shows the same errors a save would).</summary>
    public async Task<IReadOnlyList<FieldError>> ValidateAsync(DocumentType type, int? documentId, DraftInput input, CancellationToken cancellationToken = default)
    {
        input.Fields.Normalise();
        var errors = input.Fields.Validate().Select(e => e with { Field = "Fields." + e.Field }).ToList();
        if (!Slugs.IsValid(input.Slug))
        {
            errors.Add(new FieldError("Slug", "Enter an address using lower-case letters, numbers and hyphens, like neglect-audit-2025"));
        }
        else if (type == DocumentType.Page && Slugs.Reserved.Contains(input.Slug))
        {
            errors.Add(new FieldError("Slug", $"The address /{input.Slug} is used by the site; choose another"));
        }
        else if (await db.Documents.AnyAsync(d => d.Type == type && d.Slug == input.Slug && d.Id != documentId, cancellationToken))
        {
            errors.Add(new FieldError("Slug", $"Another {ContentNames.Name(type).ToLowerInvariant()} already uses the address {DocumentTypes.PathFor(type, input.Slug)}"));
        }

        if ((input.Body ?? "").Length > BodyMaxLength)
        {
            errors.Add(new FieldError("Body", $"The body must be {BodyMaxLength:N0} characters or fewer"));
        }

        if ((input.Note ?? "").Length > 500)
        {
            errors.Add(new FieldError("Note", "The note must be 500 characters or fewer"));
        }

        // A briefing names its feedback form by slug; a slug with no form behind it would send readers to a missing page.
        if (input.Fields is LearningBriefingFields { NamesFeedbackForm: true } briefing
            && !await db.FeedbackForms.AnyAsync(f => f.Slug == briefing.FeedbackForm, cancellationToken))
        {
            errors.Add(new FieldError("Fields." + nameof(LearningBriefingFields.FeedbackForm), "Select a feedback form from the list"));
        }

        return errors;
    }

    private async Task<Outcome<DocumentVersion>> SaveAsync(Document document, DraftInput input, Actor actor, int? copiedFrom, string action, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var version = AddVersion(document, input, actor, now, copiedFrom);
        audit.Record(actor.UserId, actor.Name, action, "document", document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Version {version.Number} of '{version.Title}' saved" + (string.IsNullOrEmpty(input.Note) ? "" : $": {input.Note}"));
        ContentSearchSource.Changed(searchJournal, document);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save won the race between our check and our write (the concurrency stamp or the
            // unique version number caught it).
            db.ChangeTracker.Clear();
            var fresh = await db.Documents.AsNoTracking().FirstAsync(d => d.Id == document.Id, cancellationToken);
            return await ConflictAsync(fresh, cancellationToken);
        }

        await notifications.PublishAsync(new ContentDraftSaved(document.Id, version.Id, document.Type), cancellationToken);
        return Outcome.Success<DocumentVersion>(version);
    }

    private DocumentVersion AddVersion(Document document, DraftInput input, Actor actor, DateTime now, int? copiedFrom)
    {
        var fields = input.Fields;
        fields.Normalise();
        if (fields is LearningBriefingFields briefing)
        {
            foreach (var q in briefing.Questions.Where(q => q.Id == Guid.Empty))
            {
                q.Id = Guid.NewGuid();
            }

            foreach (var r in briefing.Recommendations.Where(r => r.Id == Guid.Empty))
            {
                r.Id = Guid.NewGuid();
            }
        }

        if (fields is StrategyFields strategy)
        {
            foreach (var o in strategy.Objectives.Where(o => o.Id == Guid.Empty))
            {
                o.Id = Guid.NewGuid();
            }
        }

        var version = new DocumentVersion
        {
            Document = document,
            Number = document.LatestVersionNumber + 1,
            Title = fields.Title,
            Slug = input.Slug,
            FieldsJson = DocumentTypes.WriteFields(fields),
            Body = (input.Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
            AuthorId = actor.UserId,
            AuthorName = actor.Name,
            CreatedUtc = now,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            CopiedFromNumber = copiedFrom,
            Status = VersionStatus.Draft,
        };
        if (fields is LearningBriefingFields withQuestions)
        {
            version.Questions = withQuestions.Questions
                .Select((q, i) => new ReflectionQuestion { QuestionId = q.Id, Position = i + 1, Text = q.Text })
                .ToList();
        }

        db.DocumentVersions.Add(version);
        document.LatestVersionNumber = version.Number;
        document.Title = version.Title;
        document.UpdatedUtc = now;
        document.MediaReferences = MediaReferences.Format(fields, version.Body);
        document.ConcurrencyStamp = Guid.NewGuid();
        if (document.FirstPublishedUtc is null)
        {
            // Never published: the address can follow the draft. Once live, it changes only on publish (with a redirect).
            document.Slug = input.Slug;
        }

        return version;
    }

    private async Task<Outcome<DocumentVersion>> ConflictAsync(Document document, CancellationToken cancellationToken)
    {
        var latest = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.DocumentId == document.Id && v.Number == document.LatestVersionNumber)
            .Select(v => new { v.AuthorName, v.CreatedUtc })
            .FirstOrDefaultAsync(cancellationToken);
        var who = latest is null ? "Someone" : latest.AuthorName;
        var when = latest is null ? "" : " at " + UkTime.Format(latest.CreatedUtc);
        return Outcome.Refuse<DocumentVersion>(Refusal.Conflict,
            $"{who} saved version {document.LatestVersionNumber}{when} while you were editing. Your changes have not been saved: open the latest version, then make your changes again.");
    }
}
