using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace LearningPortal.Web.Fleet;

/// <summary>
/// The Redis output cache, made safe to lose. While Redis is unreachable every lookup is a miss and nothing is stored,
/// at once and without an exception, so pages are rendered fresh (slower, never wrong, never a 500 or a hang). No
/// local cache stands in: a page cached on one instance could not be evicted by a publish on another.
/// When Redis is back after an outage, the first use evicts every tag this instance has used before anything is read,
/// because a publish during the outage could not evict the pages cached before it (Redis may have kept them, or
/// restarted from its own snapshot with them).
/// </summary>
public sealed class ResilientOutputCacheStore(
    IOutputCacheStore inner,
    RedisAvailability redis,
    IEnumerable<string> knownTags,
    ILogger<ResilientOutputCacheStore> logger) : IOutputCacheBufferStore, IDisposable
{
    private readonly ConcurrentDictionary<string, byte> tags = new(knownTags.Select(t => KeyValuePair.Create(t, (byte)0)), StringComparer.Ordinal);
    private readonly SemaphoreSlim resync = new(1, 1);
    private int syncedOutages;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!await ReadyAsync(cancellationToken))
        {
            return null;
        }

        try
        {
            return await inner.GetAsync(key, cancellationToken);
        }
        catch (Exception ex) when (IsRedisFailure(ex, cancellationToken))
        {
            redis.ReportFailure(ex);
            return null;
        }
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (!await ReadyAsync(cancellationToken))
        {
            return false;
        }

        try
        {
            if (inner is IOutputCacheBufferStore buffered)
            {
                return await buffered.TryGetAsync(key, destination, cancellationToken);
            }

            var value = await inner.GetAsync(key, cancellationToken);
            if (value is null)
            {
                return false;
            }

            await destination.WriteAsync(value, cancellationToken);
            return true;
        }
        catch (Exception ex) when (IsRedisFailure(ex, cancellationToken))
        {
            redis.ReportFailure(ex);
            return false;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        Remember(tags);
        if (!await ReadyAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception ex) when (IsRedisFailure(ex, cancellationToken))
        {
            redis.ReportFailure(ex);
        }
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        Remember(tags.ToArray());
        if (!await ReadyAsync(cancellationToken))
        {
            return;
        }

        try
        {
            if (inner is IOutputCacheBufferStore buffered)
            {
                await buffered.SetAsync(key, value, tags, validFor, cancellationToken);
            }
            else
            {
                await inner.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
            }
        }
        catch (Exception ex) when (IsRedisFailure(ex, cancellationToken))
        {
            redis.ReportFailure(ex);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        Remember([tag]);
        // While Redis is down nothing can be evicted, and nothing is served from it either; the resync when it is
        // back evicts this tag (with every other) before the cache is used again.
        if (!await ReadyAsync(cancellationToken))
        {
            logger.LogWarning("Redis is unreachable: the cached pages tagged {Tag} will be evicted when it is back", tag);
            return;
        }

        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception ex) when (IsRedisFailure(ex, cancellationToken))
        {
            redis.ReportFailure(ex);
            logger.LogWarning("Evicting the cached pages tagged {Tag} failed: they will be evicted when Redis is back", tag);
        }
    }

    public void Dispose()
    {
        resync.Dispose();
        (inner as IDisposable)?.Dispose();
    }

    /// <summary>Whether Redis may be used now: reachable, and resynchronised since its last outage.</summary>
    private async ValueTask<bool> ReadyAsync(CancellationToken cancellationToken)
    {
        if (redis.Current is null)
        {
            return false;
        }

        var outages = redis.Outages;
        if (Volatile.Read(ref syncedOutages) == outages)
        {
            return true;
        }

        // Only one request evicts; the others do without the cache meanwhile rather than wait.
        if (!await resync.WaitAsync(0, cancellationToken))
        {
            return false;
        }

        try
        {
            if (syncedOutages == outages)
            {
                return true;
            }

            foreach (var tag in tags.Keys)
            {
                await inner.EvictByTagAsync(tag, cancellationToken);
            }

            syncedOutages = outages;
            logger.LogInformation("Redis is back: evicted the cached pages tagged {Tags}, which a publish during the outage may have changed",
                string.Join(", ", tags.Keys));
            return redis.Outages == outages;
        }
        catch (Exception ex) when (IsRedisFailure(ex, cancellationToken))
        {
            redis.ReportFailure(ex);
            return false;
        }
        finally
        {
            resync.Release();
        }
    }

    private void Remember(string[]? used)
    {
        foreach (var tag in used ?? [])
        {
            tags.TryAdd(tag, 0);
        }
    }

    // Anything Redis (or the socket under it) throws: the cache must never fail a page. A request the browser
    // abandoned is not a Redis failure.
    private static bool IsRedisFailure(Exception ex, CancellationToken cancellationToken) =>
        !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested);
}
