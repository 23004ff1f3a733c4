using LearningPortal.Web.Fleet;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LearningPortal.Web.Security.RateLimiting;

/// <summary>
/// Counts attempts in Redis, so that a limit holds across every instance behind the proxy: one key per window, counted
/// and given its expiry in one atomic script (INCR, then PEXPIRE on the first count), so concurrent attempts on
/// different instances never lose a count and a key never outlives its window. If Redis cannot be reached, this
/// instance counts in its own memory until it can again, at once rather than after a timeout (see
/// <see cref="RedisAvailability"/>, which logs the outage): the limits weaken to per instance, but sign-in keeps working.
/// </summary>
public sealed class RedisAttemptCounter(
    RedisAvailability redis,
    IOptions<RedisOptions> options,
    MemoryAttemptCounter fallback,
    TimeProvider clock) : IAttemptCounter
{
    // Returns the count and the milliseconds left in the window. The PTTL < 0 branch repairs a key left without an
    // expiry (it cannot happen through this script, but a stray key must not lock anyone out for ever).
    private const string Script = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return { count, ttl }
        """;

    private readonly string prefix = options.Value.InstanceName + "rl:";

    public async ValueTask<AttemptCount> CountAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        if (redis.Current is not { } multiplexer)
        {
            return await fallback.CountAsync(key, window, cancellationToken);
        }

        try
        {
            var database = multiplexer.GetDatabase();
            var result = (RedisResult[])(await database.ScriptEvaluateAsync(Script, [prefix + key], [(long)Math.Ceiling(window.TotalMilliseconds)]))!;
            return new AttemptCount((long)result[0], clock.GetUtcNow() + TimeSpan.FromMilliseconds((long)result[1]));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            redis.ReportFailure(ex);
            return await fallback.CountAsync(key, window, cancellationToken);
        }
    }
}
