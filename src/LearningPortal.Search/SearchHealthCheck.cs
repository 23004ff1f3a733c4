using LearningPortal.Core.Data;
using LearningPortal.Search.Lucene;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace LearningPortal.Search;

/// <summary>/health "search": the index's state, document count and how far it has applied the journal.</summary>
internal sealed class SearchHealthCheck(LuceneSearchIndex index, PortalDbContext db, IOptionsMonitor<SearchOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = index.Status;
        var data = new Dictionary<string, object>
        {
            ["state"] = status.State.ToString(),
            ["documents"] = status.DocumentCount,
            ["lastAppliedJournalId"] = status.JournalPosition,
        };
        if (status.BuiltUtc is { } built)
        {
            data["builtUtc"] = built;
        }

        try
        {
            var position = status.JournalPosition;
            var oldestPending = await db.SearchJournal.Where(e => e.Id > position).MinAsync(e => (DateTime?)e.CreatedUtc, cancellationToken);
            data["latestJournalId"] = await db.SearchJournal.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
            var lagging = oldestPending is { } oldest
                && clock.GetUtcNow().UtcDateTime - oldest > options.CurrentValue.JournalGapTimeout + TimeSpan.FromMinutes(1);
            return status.State switch
            {
                SearchIndexState.Ready when lagging => HealthCheckResult.Degraded("The search index is behind the journal.", data: data),
                SearchIndexState.Ready => HealthCheckResult.Healthy(data: data),
                SearchIndexState.Failed => HealthCheckResult.Unhealthy("The search index failed: " + status.Problem, data: data),
                SearchIndexState.Building => HealthCheckResult.Degraded("The search index is being built.", data: data),
                _ => HealthCheckResult.Degraded("The search index is opening.", data: data),
            };
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Degraded("Could not read the search journal: " + ex.GetType().Name, data: data);
        }
    }
}
