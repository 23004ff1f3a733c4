using LearningPortal.Core.Accounts;
using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Content;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningPortal.Benchmarks.ActionPlans;

/// <summary>What the seeding made, for building the filters measured.</summary>
public sealed record Seeded(int BriefingId, Guid ObjectiveId, int AgencyId, int GroupId, int PlanId, int Plans, int Actions, int Updates, int History, int Requests);

/// <summary>
/// On top of the starter content: 40 agencies, 200 leads (accounts without passwords: no hashing), 200 plans over the
/// starter briefings and objectives with 25 actions each (5,000), 10 updates each (50,000) over the last year with a
/// history line each, and 60 assurance requests to every agency, two in three answered. Straight into the tables
/// through EF in large batches, change tracking off: the services' per-update checks, audit and email are not what is
/// measured, and would take an hour.
/// </summary>
internal static class Seeder
{
    private static readonly string[] Words =
    [
        "chronology", "toolkit", "supervision", "neglect", "screening", "escalation", "audit", "training", "practice", "health",
        "school", "visits", "drift", "plan", "voice", "child", "review", "threshold", "partners", "assurance", "evidence",
    ];

    public static async Task<Seeded> SeedAsync(IServiceProvider services, string editorId, int plans, int actionsPerPlan, int updatesPerAction, int agencyCount)
    {
        var random = new Random(14);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        string Text(int min, int max) => string.Join(' ', Enumerable.Range(0, random.Next(min, max)).Select(_ => Words[random.Next(Words.Length)]));

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var firstOrder = await db.Agencies.CountAsync() + 1;
        var newAgencies = Enumerable.Range(0, agencyCount).Select(i => new Agency { Name = $"Benchmark agency {i + 1:00}", SortOrder = firstOrder + i }).ToList();
        db.Agencies.AddRange(newAgencies);
        await db.SaveChangesAsync();
        var agencies = newAgencies.Select(a => a.Id).ToArray();
        var groups = await db.PartnershipGroups.Select(g => g.Id).ToArrayAsync();
        var briefings = await db.Documents.Where(d => d.Type == DocumentType.LearningBriefing).OrderBy(d => d.Id).Select(d => d.Id).ToArrayAsync();
        var objectives = await db.Objectives.OrderBy(o => o.Number).Select(o => o.Id).ToArrayAsync();
        if (groups.Length == 0 || briefings.Length == 0 || objectives.Length == 0)
        {
            throw new InvalidOperationException("The starter content has no partnership groups, briefings or objectives to build on.");
        }

        var leads = Enumerable.Range(0, 200).Select(i => new PortalUser
        {
            UserName = $"bench.lead{i}@example.org",
            NormalizedUserName = $"BENCH.LEAD{i}@EXAMPLE.ORG",
            Email = $"bench.lead{i}@example.org",
            NormalizedEmail = $"BENCH.LEAD{i}@EXAMPLE.ORG",
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            DisplayName = $"Lead {i:000}",
            JobRole = "Practice lead",
            AgencyId = agencies[i % agencies.Length],
            CreatedUtc = now,
        }).ToList();
        db.Users.AddRange(leads);
        await db.SaveChangesAsync();

        // Plans: a third for a briefing, a third for an objective, a third on their own.
        var planRows = Enumerable.Range(0, plans).Select(i => new ActionPlan
        {
            Title = $"Benchmark plan {i + 1:000}: {Text(3, 7)}",
            DocumentId = i % 3 == 0 ? briefings[i / 3 % briefings.Length] : null,
            ObjectiveId = i % 3 == 1 ? objectives[i / 3 % objectives.Length] : null,
            IsPublic = i % 2 == 0,
            CreatedUtc = now.AddDays(-400),
            Editors = [new PlanEditor { UserId = editorId }],
        }).ToList();
        db.ActionPlans.AddRange(planRows);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var actions = new List<PlanAction>(plans * actionsPerPlan);
        foreach (var plan in planRows)
        {
            for (var n = 1; n <= actionsPerPlan; n++)
            {
                var byAgency = random.Next(3) > 0;
                var status = (PlanActionStatus)random.Next(4);
                actions.Add(new PlanAction
                {
                    PlanId = plan.Id,
                    Number = n,
                    What = Text(12, 40),
                    PublicSummary = Text(6, 14),
                    OwnerAgencyId = byAgency ? agencies[random.Next(agencies.Length)] : null,
                    OwnerGroupId = byAgency ? null : groups[random.Next(groups.Length)],
                    LeadUserId = random.Next(20) == 0 ? null : leads[random.Next(leads.Count)].Id,
                    NeedsLead = false,
                    DueOn = today.AddDays(random.Next(-365, 366)),
                    Status = status,
                    CreatedUtc = now.AddDays(-380),
                    UpdatedUtc = now.AddDays(-random.Next(0, 365)),
                });
            }
        }

        db.PlanActions.AddRange(actions);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // Updates and history in batches, each batch one transaction.
        var updates = 0;
        var history = 0;
        foreach (var batch in actions.Chunk(500))
        {
            foreach (var action in batch)
            {
                db.ActionHistory.Add(new ActionHistoryEntry { ActionId = action.Id, OccurredUtc = action.CreatedUtc, ActorName = "Benchmark Editor", What = "Action added" });
                history++;
                var status = PlanActionStatus.NotStarted;
                for (var u = 0; u < updatesPerAction; u++)
                {
                    var at = now.AddMinutes(-random.Next(1, 365 * 24 * 60));
                    var after = u == updatesPerAction - 1 ? action.Status : (PlanActionStatus)random.Next(3);
                    db.ActionUpdates.Add(new ActionUpdate
                    {
                        ActionId = action.Id,
                        AuthorUserId = action.LeadUserId,
                        AuthorName = "Lead",
                        CreatedUtc = at,
                        Text = Text(20, 60),
                        Evidence = random.Next(3) == 0 ? Text(5, 20) : "",
                        Links = random.Next(5) == 0 ? "https://example.org/evidence/" + random.Next(1000) : "",
                        StatusBefore = status,
                        StatusAfter = after,
                        Closes = after == PlanActionStatus.Done && status != PlanActionStatus.Done,
                    });
                    db.ActionHistory.Add(new ActionHistoryEntry { ActionId = action.Id, OccurredUtc = at, ActorName = "Lead", What = "Progress update added" });
                    status = after;
                    updates++;
                    history++;
                }
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        // Assurance: 60 requests to every agency over the last year, two in three answered.
        var requests = Enumerable.Range(0, 60).Select(i => new AssuranceRequest
        {
            Question = $"Assure us that {Text(6, 14)}",
            AllAgencies = true,
            DueOn = today.AddDays(-300 + i * 8),
            ActionId = actions[random.Next(actions.Count)].Id,
            CreatedUtc = now.AddDays(-340 + i * 8),
            CreatedByName = "Benchmark Editor",
            Agencies = agencies.Select(a => new AssuranceRequestAgency { AgencyId = a }).ToList(),
        }).ToList();
        db.AssuranceRequests.AddRange(requests);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        foreach (var request in requests)
        {
            foreach (var agency in agencies.Where(_ => random.Next(3) > 0))
            {
                db.AssuranceAnswers.Add(new AssuranceAnswer
                {
                    RequestId = request.Id,
                    AgencyId = agency,
                    Rating = (AssuranceRating)random.Next(3),
                    Narrative = Text(20, 60),
                    IsDraft = false,
                    SentUtc = request.CreatedUtc.AddDays(random.Next(1, 20)),
                    UpdatedUtc = request.CreatedUtc.AddDays(20),
                    UpdatedByName = "Agency lead",
                });
            }
        }

        await db.SaveChangesAsync();

        if (db.IsPostgres)
        {
            // What autovacuum does soon after a bulk load in production: statistics and the visibility map.
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }

        var agencyId = agencies[0];
        return new Seeded(briefings[0], objectives[0], agencyId, groups[0], planRows[0].Id, plans, actions.Count, updates, history, requests.Count);
    }
}
