using LearningPortal.Core.Content;
using LearningPortal.Web.Health;
using LearningPortal.Web.Security.RateLimiting;
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

        // One multiplexer for both caches and the health check. AbortOnConnectFail=false: the site starts (and
        // reports not ready) while Redis is down, and reconnects by itself.
        var redis = ConfigurationOptions.Parse(options.Configuration!);
        redis.AbortOnConnectFail = false;
        var connection = new Lazy<Task<IConnectionMultiplexer>>(async () => await ConnectionMultiplexer.ConnectAsync(redis));
        services.AddSingleton(new RedisConnection(connection));
        services.AddStackExchangeRedisOutputCache(o =>
        {
            o.InstanceName = options.InstanceName + "oc:";
            o.ConnectionMultiplexerFactory = () => connection.Value;
        });
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

    /// <summary>The shared connection to Redis, made on first use.</summary>
    public sealed class RedisConnection(Lazy<Task<IConnectionMultiplexer>> connection)
    {
        public Task<IConnectionMultiplexer> GetAsync() => connection.Value;
    }

    private sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var multiplexer = await redis.GetAsync();
                var latency = await multiplexer.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy(data: new Dictionary<string, object> { ["pingMs"] = Math.Round(latency.TotalMilliseconds, 1) });
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
            {
                return HealthCheckResult.Unhealthy("Redis is unreachable: " + ex.GetType().Name);
            }
        }
    }
}
