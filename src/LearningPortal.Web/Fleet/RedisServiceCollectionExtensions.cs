using LearningPortal.Core.Content;
using LearningPortal.Web.Content;
using LearningPortal.Web.Health;
using LearningPortal.Web.Security.RateLimiting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace LearningPortal.Web.Fleet;

/// <summary>Settings of the shared Redis (section "Redis"); unset, the site runs alone with in-memory caches.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. "redis:6379" or "redis:6379,password=...,ssl=true".</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key the site writes, so that several sites can share one Redis.</summary>
    public string InstanceName { get; set; } = "learningportal:";

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}

public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// With Redis:Configuration: the output cache (with tag eviction, so a publish on one instance drops the cached
    /// pages of every instance), the distributed cache and the rate limits' counts live in Redis, over one connection, and media default to
    /// the database. Without it: an in-memory distributed cache, and the output cache stays in memory.
    /// </summary>
    public static IServiceCollection AddPortalRedis(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        services.Configure<RedisOptions>(configuration.GetSection(RedisOptions.Section));
        if (!options.Enabled)
        {
            services.AddDistributedMemoryCache();
            return services;
        }

        // One multiplexer for both caches, the rate limits and the health check. AbortOnConnectFail=false: the site
        // starts (and reports Redis degraded) while Redis is down, and reconnects by itself. FailFast: while the
        // connection is down a command fails at once rather than queueing, so nobody waits for Redis. A short timeout
        // (unless the configuration sets one): a hung Redis costs one request two seconds, then RedisAvailability
        // leaves it alone for a few seconds.
        var redis = ConfigurationOptions.Parse(options.Configuration!);
        redis.AbortOnConnectFail = false;
        redis.BacklogPolicy = BacklogPolicy.FailFast;
        if (!options.Configuration!.Contains("asyncTimeout", StringComparison.OrdinalIgnoreCase))
        {
            redis.AsyncTimeout = (int)DefaultTimeout.TotalMilliseconds;
        }

        var connection = new Lazy<Task<IConnectionMultiplexer>>(async () => await ConnectionMultiplexer.ConnectAsync(redis));
        services.AddSingleton(sp => new RedisAvailability(connection, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RedisAvailability>>()));
        services.AddStackExchangeRedisOutputCache(o =>
        {
            o.InstanceName = options.InstanceName + "oc:";
            o.ConnectionMultiplexerFactory = () => connection.Value;
        });
        DecorateOutputCacheStore(services);
        services.AddStackExchangeRedisCache(o =>
        {
            o.InstanceName = options.InstanceName + "dc:";
            o.ConnectionMultiplexerFactory = () => connection.Value;
        });
        // Every instance must serve every upload: unless an operator chose otherwise, media live in the database.
        services.PostConfigure<ContentOptions>(o => o.MediaStore ??= "Database");
        // Rate limits counted in Redis, so that attempts spread over the instances are limited together.
        services.AddSingleton<IAttemptCounter, RedisAttemptCounter>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [HealthServiceTags.Ready]);
        return services;
    }

    /// <summary>How long a Redis command may take unless the configuration string sets asyncTimeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    // The Redis output cache store throws when Redis is unreachable (a 500 for every cacheable page): wrap it in one
    // that falls back to no caching (ResilientOutputCacheStore).
    private static void DecorateOutputCacheStore(IServiceCollection services)
    {
        var redisStore = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(redisStore);
        services.AddSingleton<IOutputCacheStore>(sp =>
        {
            var inner = redisStore.ImplementationInstance as IOutputCacheStore
                ?? redisStore.ImplementationFactory?.Invoke(sp) as IOutputCacheStore
                ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, redisStore.ImplementationType!);
            return new ResilientOutputCacheStore(inner, sp.GetRequiredService<RedisAvailability>(), [PublicContentCache.Tag],
                sp.GetRequiredService<ILogger<ResilientOutputCacheStore>>());
        });
    }

    /// <summary>
    /// Redis for /health/ready and /health. Unreachable is Degraded, not Unhealthy: the instance still serves every
    /// page (uncached) and signs people in (rate limits counted on the instance), so the proxy must keep sending it
    /// traffic; Administrators and the token holder see why in the details.
    /// </summary>
    private sealed class RedisHealthCheck(RedisAvailability redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var multiplexer = await redis.GetAsync(DefaultTimeout);
            if (multiplexer is not null)
            {
                try
                {
                    var latency = await multiplexer.GetDatabase().PingAsync();
                    return HealthCheckResult.Healthy(data: new Dictionary<string, object> { ["pingMs"] = Math.Round(latency.TotalMilliseconds, 1) });
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
                {
                    redis.ReportFailure(ex);
                }
            }

            var data = new Dictionary<string, object>();
            if (redis.DownSince is { } since)
            {
                data["unreachableSinceUtc"] = since.UtcDateTime;
            }

            return HealthCheckResult.Degraded(
                "Redis is unreachable: pages are served without the shared cache and rate limits are counted on each instance until it is back.",
                data: data);
        }
    }
}
