using System.Collections.Concurrent;

namespace LearningPortal.Web.Security.RateLimiting;

/// <summary>How many attempts a key has had in its current window, and when that window ends.</summary>
public readonly record struct AttemptCount(long Count, DateTimeOffset WindowEndsUtc);

/// <summary>
/// Where the rate limits keep their counts: a fixed window per key. One instance keeps them in memory
/// (<see cref="MemoryAttemptCounter"/>); several instances behind a load balancer register a shared store instead
/// (e.g. Redis: INCR the key, and on the first count PEXPIRE it for the window), so that a limit holds across them.
/// Keys never hold an email address: typed addresses arrive hashed.
/// </summary>
public interface IAttemptCounter
{
    /// <summary>Counts one attempt for <paramref name="key"/> and returns the count so far in its window.</summary>
    ValueTask<AttemptCount> CountAsync(string key, TimeSpan window, CancellationToken cancellationToken = default);
}

/// <summary>Counts in this process's memory; right for one instance.</summary>
public sealed class MemoryAttemptCounter(TimeProvider clock) : IAttemptCounter
{
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    public ValueTask<AttemptCount> CountAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (windows.Count > SweepAbove)
        {
            // Keys of old windows would otherwise pile up for every address anyone ever typed.
            foreach (var (k, w) in windows)
            {
                if (w.EndsUtc <= now)
                {
                    windows.TryRemove(k, out _);
                }
            }
        }

        var current = windows.AddOrUpdate(key,
            _ => new Window(now + window, 1),
            (_, w) => w.EndsUtc <= now ? new Window(now + window, 1) : w with { Count = w.Count + 1 });
        return ValueTask.FromResult(new AttemptCount(current.Count, current.EndsUtc));
    }

    private sealed record Window(DateTimeOffset EndsUtc, long Count);
}
