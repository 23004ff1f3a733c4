using System.Globalization;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace LearningPortal.Core.ActionPlans;

/// <summary>
/// Imports content/action-plans.yml into an empty database on first start: the partnership groups, and plans with their
/// actions for the starter briefings (matched by address), linked to the strategy's objectives. Skipped once any plan
/// exists; a plan whose briefing is missing is skipped with a problem reported.
/// </summary>
public class ActionPlanStarter(PortalDbContext db, PublishedContentWatch watch, ActionPlanning planning, AuditLog audit, TimeProvider clock)
{
    /// <summary>Returns the problems found (empty when all went in, or nothing was to do).</summary>
    public async Task<IReadOnlyList<string>> ImportIfEmptyAsync(string folder, CancellationToken cancellationToken = default)
    {
        var file = Path.Combine(folder, "action-plans.yml");
        if (!File.Exists(file) || await db.ActionPlans.AnyAsync(cancellationToken))
        {
            return [];
        }

        // The objectives come from the published strategy, which the content import has just published.
        await watch.CatchUpObjectivesAsync(cancellationToken);
        var starter = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build()
            .Deserialize<StarterFile>(await File.ReadAllTextAsync(file, cancellationToken)) ?? new StarterFile();
        var problems = new List<string>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.PartnershipGroups.AnyAsync(cancellationToken))
        {
            db.PartnershipGroups.AddRange(starter.Groups.Select((name, i) => new PartnershipGroup { Name = name.Trim(), SortOrder = i + 1 }));
            await db.SaveChangesAsync(cancellationToken);
        }

        var groups = await db.PartnershipGroups.ToDictionaryAsync(g => g.Name, g => g.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Name, a => a.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var objectives = await db.Objectives.Select(o => o.Id).ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var p in starter.Plans)
        {
            var document = await db.Documents.Where(d => d.Slug == p.Briefing).Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken);
            if (p.Briefing is not null && document is null)
            {
                problems.Add($"Plan '{p.Title}': no briefing at /learning/{p.Briefing}");
                continue;
            }

            var plan = new ActionPlan { Title = p.Title, DocumentId = document, IsPublic = p.Public, CreatedUtc = now };
            var recommendations = document is { } doc ? (await planning.RecommendationsAsync(doc, cancellationToken)).ToDictionary(x => x.Id, x => x.Text) : [];
            var number = 0;
            foreach (var a in p.Actions)
            {
                number = a.Number ?? number + 1;
                var agency = agencies.TryGetValue(a.Owner, out var ag) ? ag : (int?)null;
                var group = agency is null && groups.TryGetValue(a.Owner, out var g) ? g : (int?)null;
                if (agency is null && group is null || !DateOnly.TryParseExact(a.Due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
                {
                    problems.Add($"Plan '{p.Title}', action {number}: unknown owner '{a.Owner}' or a due date not written yyyy-mm-dd");
                    continue;
                }

                plan.Actions.Add(new PlanAction
                {
                    Number = number,
                    RecommendationId = Guid.TryParse(a.Recommendation, out var r) ? r : null,
                    RecommendationText = recommendations.GetValueOrDefault(r),
                    RecommendationWithdrawn = a.Recommendation is not null && !recommendations.ContainsKey(r),
                    What = a.What.Trim(),
                    PublicSummary = a.Summary.Trim(),
                    OwnerAgencyId = agency,
                    OwnerGroupId = group,
                    NeedsLead = true,
                    DueOn = due,
                    Status = a.Status switch { "on-track" => PlanActionStatus.OnTrack, "at-risk" => PlanActionStatus.AtRisk, _ => PlanActionStatus.NotStarted },
                    CreatedUtc = now,
                    UpdatedUtc = now,
                });
            }

            db.ActionPlans.Add(plan);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var objective in p.Objectives.Select(o => Guid.TryParse(o, out var id) ? id : Guid.Empty))
            {
                if (!objectives.Contains(objective))
                {
                    problems.Add($"Plan '{p.Title}': no objective {objective} in the published strategy");
                }
                else if (document is { } d && !await db.ObjectiveLinks.AnyAsync(l => l.ObjectiveId == objective && l.Kind == ObjectiveLinkKind.Briefing && l.TargetId == d, cancellationToken))
                {
                    db.ObjectiveLinks.Add(new ObjectiveLink { ObjectiveId = objective, Kind = ObjectiveLinkKind.Briefing, TargetId = d });
                }
            }

            foreach (var action in plan.Actions)
            {
                db.ActionHistory.Add(new ActionHistoryEntry { ActionId = action.Id, OccurredUtc = now, ActorName = "Starter content", What = $"Action {action.Number} created from the starter content (needs a lead)" });
            }

            audit.Record(null, "Starter content", "plan.created", "plan", plan.Id.ToString(CultureInfo.InvariantCulture), $"Plan '{plan.Title}' created from the starter content with {plan.Actions.Count} actions");
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return problems;
    }

    private sealed class StarterFile
    {
        public List<string> Groups { get; set; } = [];

        public List<StarterPlan> Plans { get; set; } = [];
    }

    private sealed class StarterPlan
    {
        public string Title { get; set; } = "";

        public string? Briefing { get; set; }

        public bool Public { get; set; }

        public List<string> Objectives { get; set; } = [];

        public List<StarterAction> Actions { get; set; } = [];
    }

    private sealed class StarterAction
    {
        public int? Number { get; set; }

        public string? Recommendation { get; set; }

        public string What { get; set; } = "";

        public string Summary { get; set; } = "";

        public string Owner { get; set; } = "";

        public string Due { get; set; } = "";

        public string? Status { get; set; }
    }
}
