using System.Text.Json;
using LearningPortal.Core.Accounts;
using LearningPortal.Core.Data;
using LearningPortal.Core.Email;
using LearningPortal.Web.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LearningPortal.Web.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary>
    /// /health: the database, the email outbox backlog and, when registered by the search module, the index. Anyone (a
    /// load balancer) gets the overall status; only an Administrator signed in with two factors gets the details, which
    /// name the database provider, migrations and counts that are no business of a stranger's.
    /// </summary>
    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<OutboxHealthCheck>("outbox");
        return services;
    }

    public static IEndpointConventionBuilder MapPortalHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJsonAsync })
            .AllowAnonymous()
            .WithDisplayName("Health");

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new Dictionary<string, object?> { ["status"] = report.Status.ToString() };
        var detailed = context.User.IsInRole(PortalRoles.Administrator) && context.User.UsedSecondFactor();
        foreach (var (name, entry) in detailed ? report.Entries : new Dictionary<string, HealthReportEntry>())
        {
            var part = new Dictionary<string, object?> { ["status"] = entry.Status.ToString() };
            if (entry.Description is not null)
            {
                part["description"] = entry.Description;
            }

            foreach (var (key, value) in entry.Data)
            {
                part[key] = value;
            }

            body[name] = part;
        }

        return context.Response.WriteAsync(JsonSerializer.Serialize(body, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
    }

    private sealed class DatabaseHealthCheck(PortalDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var data = new Dictionary<string, object> { ["provider"] = db.IsPostgres ? "PostgreSql" : "Sqlite" };
            try
            {
                var canConnect = await db.Database.CanConnectAsync(cancellationToken);
                if (!canConnect)
                {
                    return HealthCheckResult.Unhealthy("Cannot connect to the database.", data: data);
                }

                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
                data["pendingMigrations"] = pending;
                return pending == 0
                    ? HealthCheckResult.Healthy(data: data)
                    : HealthCheckResult.Degraded("Migrations are pending.", data: data);
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy("The database check failed: " + ex.GetType().Name, data: data);
            }
        }
    }

    private sealed class OutboxHealthCheck(OutboxStatus status, TimeProvider clock) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var backlog = await status.GetBacklogAsync(cancellationToken);
            var data = new Dictionary<string, object>
            {
                ["pending"] = backlog.Pending,
                ["failing"] = backlog.Failing,
                ["dead"] = backlog.Dead,
            };
            if (backlog.OldestPendingUtc is { } oldest)
            {
                data["oldestPendingUtc"] = oldest;
            }

            var stale = backlog.OldestPendingUtc is { } o && clock.GetUtcNow().UtcDateTime - o > TimeSpan.FromMinutes(15);
            return backlog.Dead > 0 || stale
                ? HealthCheckResult.Degraded("Email is not being delivered.", data: data)
                : HealthCheckResult.Healthy(data: data);
        }
    }
}
