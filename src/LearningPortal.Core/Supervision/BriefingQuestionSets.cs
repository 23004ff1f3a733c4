using LearningPortal.Core.Content;
using LearningPortal.Core.Data;
using LearningPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Supervision;

/// <summary>
/// Keeps each published briefing's question set in step with its live version: questions are matched by their
/// stable <see cref="ReflectionQuestion.QuestionId"/>, so a corrected wording updates the set while the records
/// that used the old wording keep their own copy. Unpublishing withdraws the set from new records.
/// </summary>
public class BriefingQuestionSets(PortalDbContext db, TimeProvider clock)
    : INotificationHandler<ContentPublished>, INotificationHandler<ContentUnpublished>
{
    public async Task HandleAsync(ContentPublished notification, CancellationToken cancellationToken)
    {
        if (notification.DocumentType == DocumentType.LearningBriefing)
        {
            await SyncAsync(notification.DocumentId, notification.VersionId, cancellationToken);
        }
    }

    public async Task HandleAsync(ContentUnpublished notification, CancellationToken cancellationToken)
    {
        if (notification.DocumentType != DocumentType.LearningBriefing)
        {
            return;
        }

        await db.QuestionSets.Where(s => s.DocumentId == notification.DocumentId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsAvailable, false), cancellationToken);
    }

    /// <summary>
    /// Makes sure every published briefing has its set (briefings imported or published before the module
    /// existed, or a notification lost to a crash). Returns how many sets were created.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        var missing = await db.Documents.AsNoTracking()
            .Where(d => d.Type == DocumentType.LearningBriefing && d.PublishedVersionId != null
                && !db.QuestionSets.Any(s => s.DocumentId == d.Id))
            .Select(d => new { d.Id, VersionId = d.PublishedVersionId!.Value })
            .ToListAsync(cancellationToken);
        foreach (var document in missing)
        {
            try
            {
                await SyncAsync(document.Id, document.VersionId, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance created the same set first (one set per briefing is a unique index): nothing to do.
                db.ChangeTracker.Clear();
            }
        }

        return missing.Count;
    }

    private async Task SyncAsync(int documentId, int versionId, CancellationToken cancellationToken)
    {
        var version = await db.DocumentVersions.AsNoTracking().Include(v => v.Questions)
            .SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version is null)
        {
            return;
        }

        var set = await db.QuestionSets.Include(s => s.Questions).SingleOrDefaultAsync(s => s.DocumentId == documentId, cancellationToken);
        if (set is null)
        {
            set = new QuestionSet { Source = QuestionSetSource.Briefing, DocumentId = documentId };
            db.QuestionSets.Add(set);
        }

        set.Title = version.Title;
        set.IsAvailable = true;
        set.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        var live = version.Questions.ToDictionary(q => q.QuestionId);
        foreach (var question in set.Questions)
        {
            question.IsCurrent = live.ContainsKey(question.QuestionId);
        }

        foreach (var source in version.Questions)
        {
            var question = set.Questions.FirstOrDefault(q => q.QuestionId == source.QuestionId);
            if (question is null)
            {
                question = new QuestionSetQuestion { QuestionId = source.QuestionId };
                set.Questions.Add(question);
            }

            question.Text = source.Text;
            question.Position = source.Position;
            question.IsCurrent = true;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
