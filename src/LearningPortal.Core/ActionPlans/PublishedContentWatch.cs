using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Data;
using LearningPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.ActionPlans;

/// <summary>
/// Listens to the content engine. A published briefing: each action that answers one of its recommendations is
/// matched by the recommendation's stable id; a recommendation the new version no longer has leaves its action in
/// place, marked "recommendation withdrawn" (and a reworded one refreshes the wording kept on the action). A published
/// strategy: its objectives (by their stable ids) and their measures of success are kept here, first-class.
/// </summary>
public class PublishedContentWatch(PortalDbContext db, ActionPlanning planning, NotificationPublisher notifications)
    : INotificationHandler<ContentPublished>
{
    public async Task HandleAsync(ContentPublished notification, CancellationToken cancellationToken)
    {
        if (notification.DocumentType == DocumentType.LearningBriefing)
        {
            await SyncRecommendationsAsync(notification.DocumentId, notification.VersionId, cancellationToken);
        }
        else if (notification.DocumentType == DocumentType.Strategy)
        {
            await SyncObjectivesAsync(notification.DocumentId, notification.VersionId, cancellationToken);
        }
    }

    /// <summary>Brings every published strategy's objectives up to date (strategies published before this module, or a lost notification).</summary>
    public async Task<int> CatchUpObjectivesAsync(CancellationToken cancellationToken = default)
    {
        var strategies = await db.Documents.AsNoTracking().Where(d => d.Type == DocumentType.Strategy && d.PublishedVersionId != null)
            .Select(d => new { d.Id, VersionId = d.PublishedVersionId!.Value }).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var s in strategies)
        {
            changed += await SyncObjectivesAsync(s.Id, s.VersionId, cancellationToken);
        }

        return changed;
    }

    private async Task SyncRecommendationsAsync(int documentId, int versionId, CancellationToken cancellationToken)
    {
        var json = await db.DocumentVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => v.FieldsJson).SingleOrDefaultAsync(cancellationToken);
        if (json is null)
        {
            return;
        }

        var live = ((LearningBriefingFields)DocumentTypes.ReadFields(DocumentType.LearningBriefing, json)).Recommendations.ToDictionary(r => r.Id, r => r.Text);
        var actions = await db.PlanActions.Include(a => a.Plan).Where(a => a.Plan.DocumentId == documentId && a.RecommendationId != null).ToListAsync(cancellationToken);
        var plans = new HashSet<int>();
        foreach (var action in actions)
        {
            var present = live.TryGetValue(action.RecommendationId!.Value, out var text);
            if (!present && !action.RecommendationWithdrawn)
            {
                action.RecommendationWithdrawn = true;
                planning.History(action.Id, ActionActor.System, "Recommendation withdrawn: the published briefing no longer has it");
                plans.Add(action.PlanId);
            }
            else if (present && (action.RecommendationWithdrawn || action.RecommendationText != text))
            {
                if (action.RecommendationWithdrawn)
                {
                    planning.History(action.Id, ActionActor.System, "Recommendation restored in the published briefing");
                }

                action.RecommendationWithdrawn = false;
                action.RecommendationText = text;
                plans.Add(action.PlanId);
            }
        }

        if (plans.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var plan in plans)
            {
                await notifications.PublishAsync(new ActionPlanChanged(plan, documentId), cancellationToken);
            }
        }
    }

    private async Task<int> SyncObjectivesAsync(int documentId, int versionId, CancellationToken cancellationToken)
    {
        var json = await db.DocumentVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => v.FieldsJson).SingleOrDefaultAsync(cancellationToken);
        if (json is null)
        {
            return 0;
        }

        var objectives = ((StrategyFields)DocumentTypes.ReadFields(DocumentType.Strategy, json)).Objectives.Where(o => o.Id != Guid.Empty).ToList();
        var kept = await db.Objectives.Include(o => o.Measures).Where(o => o.StrategyDocumentId == documentId).ToListAsync(cancellationToken);
        var changed = 0;
        for (var i = 0; i < objectives.Count; i++)
        {
            var source = objectives[i];
            var objective = kept.FirstOrDefault(o => o.Id == source.Id);
            if (objective is null)
            {
                objective = new Objective { Id = source.Id, StrategyDocumentId = documentId };
                db.Objectives.Add(objective);
                changed++;
            }

            if (objective.Title != source.Title || objective.Number != i + 1 || !objective.IsCurrent
                || !objective.Measures.OrderBy(m => m.Position).Select(m => m.Text).SequenceEqual(source.Measures))
            {
                objective.Title = source.Title.Length > 500 ? source.Title[..500] : source.Title;
                objective.Number = i + 1;
                objective.IsCurrent = true;
                objective.Measures.Clear();
                objective.Measures.AddRange(source.Measures.Select((m, p) => new ObjectiveMeasure { Position = p + 1, Text = m.Length > 500 ? m[..500] : m }));
                changed++;
            }
        }

        foreach (var gone in kept.Where(o => o.IsCurrent && objectives.All(s => s.Id != o.Id)))
        {
            // Links and plans stay; the objective is shown as no longer in the strategy.
            gone.IsCurrent = false;
            changed++;
        }

        if (changed > 0)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance added the same objectives first (the id is the key): theirs are the same.
                db.ChangeTracker.Clear();
                return 0;
            }
        }

        return changed;
    }
}
