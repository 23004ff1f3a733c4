using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LearningPortal.Core.Email;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary>
    /// The checks behind /health and /health/ready: the database (ready), the email outbox backlog, Redis when
    /// configured (ready), and, when registered by the search module, the index.
    /// </summary>
    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HealthOptions>(configuration.GetSection(HealthOptions.Section));
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthServiceTags.Ready])
            .AddCheck<OutboxHealthCheck>("outbox");
        return services;
    }

    /// <summary>
    /// /health/live (the process answers; no checks, for restarts), /health/ready (the database and Redis answer, for
    /// the proxy and orchestrators) and /health (every check). Anonymous callers get the status only; Administrators
    /// and callers with the configured token get each check's details. Healthy and Degraded answer 200, Unhealthy 503.
    /// </summary>
    public static IEndpointRouteBuilder MapPortalHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJsonAsync })
            .AllowAnonymous().WithDisplayName("Health");
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = WriteJsonAsync, Predicate = c => c.Tags.Contains(HealthServiceTags.Ready) })
            .AllowAnonymous().WithDisplayName("Health: ready");
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { ResponseWriter = WriteJsonAsync, Predicate = _ => false })
            .AllowAnonymous().WithDisplayName("Health: live");
        return endpoints;
    }

    /// <summary>Whether the caller may see the checks' details: an Administrator, or the configured token as a bearer token.</summary>
    internal static bool MaySeeDetails(HttpContext context)
    {
        if (context.User.IsInRole(PortalRoles.Administrator) && context.User.UsedSecondFactor())
        {
            return true;
        }

        var token = context.RequestServices.GetRequiredService<IOptionsMonitor<HealthOptions>>().CurrentValue.Token;
        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(token) || !header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(token));
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new Dictionary<string, object?> { ["status"] = report.Status.ToString() };
        // Anonymous callers (anyone on the internet, through the proxy) learn whether the site is up, not what it runs on.
        if (MaySeeDetails(context))
        {
            body["durationMs"] = Math.Round(report.TotalDuration.TotalMilliseconds, 1);
            foreach (var (name, entry) in report.Entries)
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
                    : HealthCheckResult.Unhealthy("Migrations are pending: run the migrate command.", data: data);
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

/// <summary>Settings of the health endpoints (section "Health").</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>A secret that monitoring sends as "Authorization: Bearer TOKEN" to see the checks' details; unset, only Administrators see them.</summary>
    public string? Token { get; set; }
}

/// <summary>Tags of health checks.</summary>
public static class HealthServiceTags
{
    /// <summary>Checks that must pass before the proxy sends this instance traffic (/health/ready).</summary>
    public const string Ready = "ready";
}
