using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.ActionPlans;

/// <summary>An objective with its measures and how many things are linked to it, for the objectives list.</summary>
public sealed record ObjectiveSummary(Guid Id, int Number, string Title, bool IsCurrent, IReadOnlyList<string> Measures, IReadOnlyDictionary<ObjectiveLinkKind, int> Linked);

/// <summary>
/// Linking briefings, courses and standing question sets to the strategy's objectives (plans link through their own
/// objective, set on the plan). The caller offers and checks the things that can be linked: this module knows them only
/// by kind and id, as the other modules own them. Every change is in the audit log.
/// </summary>
public class ObjectiveLinks(PortalDbContext db, AuditLog audit)
{
    /// <summary>The kinds an Editor links here (a plan's objective is chosen on the plan).</summary>
    public static IReadOnlyList<ObjectiveLinkKind> Linkable { get; } = [ObjectiveLinkKind.Briefing, ObjectiveLinkKind.Course, ObjectiveLinkKind.QuestionSet];

    /// <summary>Every objective, current ones first by number, with its measures and counts of what is linked.</summary>
    public async Task<IReadOnlyList<ObjectiveSummary>> SummariesAsync(CancellationToken cancellationToken = default)
    {
        var objectives = await db.Objectives.AsNoTracking().Include(o => o.Measures).OrderBy(o => !o.IsCurrent).ThenBy(o => o.Number).ToListAsync(cancellationToken);
        var counts = await db.ObjectiveLinks.AsNoTracking().GroupBy(l => new { l.ObjectiveId, l.Kind })
            .Select(g => new { g.Key.ObjectiveId, g.Key.Kind, Count = g.Count() }).ToListAsync(cancellationToken);
        return objectives.Select(o => new ObjectiveSummary(o.Id, o.Number, o.Title, o.IsCurrent,
            o.Measures.OrderBy(m => m.Position).Select(m => m.Text).ToList(),
            Enum.GetValues<ObjectiveLinkKind>().ToDictionary(k => k, k => counts.Where(c => c.ObjectiveId == o.Id && c.Kind == k).Sum(c => c.Count)))).ToList();
    }

    /// <summary>One objective with its measures, or null.</summary>
    public async Task<Objective?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.Objectives.AsNoTracking().Include(o => o.Measures.OrderBy(m => m.Position)).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    /// <summary>What is linked to the objective, in the order it was linked.</summary>
    public async Task<IReadOnlyList<ObjectiveLink>> OfAsync(Guid objectiveId, CancellationToken cancellationToken = default) =>
        await db.ObjectiveLinks.AsNoTracking().Where(l => l.ObjectiveId == objectiveId).OrderBy(l => l.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// Links a briefing, course or standing question set (<paramref name="name"/> is for the audit log). Linking what is
    /// already linked is refused with a message, not an error page.
    /// </summary>
    public async Task<Outcome<int>> LinkAsync(Guid objectiveId, ObjectiveLinkKind kind, int targetId, string name, ActionActor actor, CancellationToken cancellationToken = default)
    {
        var objective = await db.Objectives.AsNoTracking().Where(o => o.Id == objectiveId).Select(o => new { o.Number, o.Title }).SingleOrDefaultAsync(cancellationToken);
        if (objective is null)
        {
            return Outcome.NotFound<int>();
        }

        if (!Linkable.Contains(kind))
        {
            return Outcome.Invalid<int>("Item", "Select a briefing, course or question set to link");
        }

        if (await db.ObjectiveLinks.AnyAsync(l => l.ObjectiveId == objectiveId && l.Kind == kind && l.TargetId == targetId, cancellationToken))
        {
            return Outcome.Invalid<int>("Item", $"{name} is already linked to this objective");
        }

        var link = new ObjectiveLink { ObjectiveId = objectiveId, Kind = kind, TargetId = targetId };
        db.ObjectiveLinks.Add(link);
        audit.Record(actor.Who, "objective.linked", "objective", objectiveId.ToString(), $"{KindWord(kind)} '{name}' linked to objective {objective.Number}, '{objective.Title}'");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone linked the same thing a moment ago: the unique index keeps one.
            db.ChangeTracker.Clear();
            return Outcome.Invalid<int>("Item", $"{name} is already linked to this objective");
        }

        return Outcome.Success(link.Id);
    }

    /// <summary>Removes a link (not a plan's: a plan's objective is changed on the plan).</summary>
    public async Task<Outcome<int>> UnlinkAsync(Guid objectiveId, int linkId, string name, ActionActor actor, CancellationToken cancellationToken = default)
    {
        var link = await db.ObjectiveLinks.SingleOrDefaultAsync(l => l.Id == linkId && l.ObjectiveId == objectiveId, cancellationToken);
        if (link is null || !Linkable.Contains(link.Kind))
        {
            return Outcome.NotFound<int>();
        }

        var objective = await db.Objectives.AsNoTracking().Where(o => o.Id == objectiveId).Select(o => new { o.Number, o.Title }).SingleAsync(cancellationToken);
        db.ObjectiveLinks.Remove(link);
        audit.Record(actor.Who, "objective.unlinked", "objective", objectiveId.ToString(), $"{KindWord(link.Kind)} '{name}' no longer linked to objective {objective.Number}, '{objective.Title}'");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Already removed by someone else: the outcome they wanted.
            db.ChangeTracker.Clear();
        }

        return Outcome.Success(linkId);
    }

    /// <summary>The kind in words, as a sentence begins.</summary>
    public static string KindWord(ObjectiveLinkKind kind) => kind switch
    {
        ObjectiveLinkKind.Briefing => "Briefing",
        ObjectiveLinkKind.Course => "Course",
        ObjectiveLinkKind.QuestionSet => "Question set",
        _ => "Plan",
    };
}
