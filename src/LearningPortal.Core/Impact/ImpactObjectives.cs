using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Impact;

/// <summary>Everything the impact pages know about one objective for a period: its linked briefings' reach, their reflection, its actions and its outcome figures.</summary>
public sealed record ObjectiveImpact(
    ObjectiveName Objective, IReadOnlyList<BriefingReach> Briefings, ReflectionFigures Reflection, ActionFigures Actions, IReadOnlyList<OutcomeFigure> Outcomes);

/// <summary>
/// One objective's line on /manage/impact: its linked briefings, the supervision discussions that used them (suppressed),
/// its actions and its latest outcome figure. No readers total: the same page shows each briefing's readers, and a total
/// of linked briefings beside them would give away a hidden one by subtraction.
/// </summary>
public sealed record ObjectiveSummary(
    ObjectiveName Objective, int Briefings, Reporting.SuppressedCount Discussions, int Actions, int Overdue, OutcomeFigure? LatestOutcome);

/// <summary>
/// Gathers an objective's figures from the briefings linked to it (ActionPlans' objective links): reach per briefing,
/// reflection across them (a discussion counted once), the actions of plans for the objective or its briefings, and the
/// outcome figures entered for it.
/// </summary>
public class ImpactObjectives(PortalDbContext db, ImpactReach reach, ImpactReflection reflection, OutcomeMeasures outcomes)
{
    /// <summary>Every objective's one-line summary for the period and agency, in a few queries whatever the number of objectives' briefings.</summary>
    public async Task<IReadOnlyList<ObjectiveSummary>> SummariesAsync(ReachFilter filter, CancellationToken cancellationToken = default)
    {
        var all = await outcomes.ObjectivesAsync(cancellationToken);
        var links = await db.ObjectiveLinks.AsNoTracking().Where(l => l.Kind == ObjectiveLinkKind.Briefing)
            .Select(l => new { l.ObjectiveId, l.TargetId }).ToListAsync(cancellationToken);
        var published = await reach.PublishedBriefingIdsAsync(cancellationToken);
        var (first, last) = (filter.FirstDay, filter.LastDay);
        var discussions = await db.LearningDiscussions.AsNoTracking()
            .Where(d => d.DocumentId != null && d.HeldOn >= first && d.HeldOn <= last && (filter.AgencyId == null || d.AgencyId == filter.AgencyId))
            .Select(d => new { d.RecordId, DocumentId = d.DocumentId!.Value }).Distinct().ToListAsync(cancellationToken);
        var figures = await db.OutcomeFigures.AsNoTracking().ToListAsync(cancellationToken);
        var summaries = new List<ObjectiveSummary>();
        foreach (var objective in all)
        {
            var linked = links.Where(l => l.ObjectiveId == objective.Id && published.Contains(l.TargetId)).Select(l => l.TargetId).ToHashSet();
            var actions = await reflection.ActionsAsync(null, objective.Id, filter.AgencyId, cancellationToken);
            summaries.Add(new ObjectiveSummary(
                objective,
                linked.Count,
                reach.Count(discussions.Where(d => linked.Contains(d.DocumentId)).Select(d => d.RecordId).Distinct().Count()),
                actions.Total,
                actions.Overdue.Count,
                figures.Where(f => f.ObjectiveId == objective.Id).OrderByDescending(f => f.QuarterStart).ThenBy(f => f.Measure).FirstOrDefault()));
        }

        return summaries;
    }

    /// <summary>One objective's impact, or null when there is no such objective.</summary>
    public async Task<ObjectiveImpact?> ObjectiveAsync(Guid id, ReachFilter filter, CancellationToken cancellationToken = default)
    {
        if (await outcomes.ObjectiveAsync(id, cancellationToken) is not { } objective)
        {
            return null;
        }

        var linked = await db.ObjectiveLinks.AsNoTracking().Where(l => l.ObjectiveId == id && l.Kind == ObjectiveLinkKind.Briefing)
            .Select(l => l.TargetId).ToListAsync(cancellationToken);
        var briefings = (await reach.BriefingsAsync(filter, cancellationToken)).Where(b => linked.Contains(b.DocumentId)).ToList();
        return new ObjectiveImpact(
            objective,
            briefings,
            await reflection.ReflectionAsync(linked, filter, cancellationToken),
            await reflection.ActionsAsync(null, id, filter.AgencyId, cancellationToken),
            await outcomes.ListAsync(id, cancellationToken));
    }
}
