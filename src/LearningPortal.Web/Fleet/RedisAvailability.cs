using StackExchange.Redis;

namespace LearningPortal.Web.Fleet;

/// <summary>
/// The shared connection to Redis and whether it can be used now. Redis holds only what the site can do without for a
/// while (cached pages, rate-limit counts), so when it is unreachable every user of it falls back at once instead of
/// waiting on it: <see cref="Current"/> answers null while the connection is down, and for a few seconds after a
/// command failed or timed out (a hung Redis still looks connected). The outage is logged once as a warning when it
/// starts and once when Redis is back, and <see cref="Outages"/> counts outages so that the output cache can drop what
/// it may have missed meanwhile (see <see cref="ResilientOutputCacheStore"/>).
/// </summary>
public sealed class RedisAvailability(Lazy<Task<IConnectionMultiplexer>> connection, TimeProvider clock, ILogger<RedisAvailability> logger)
{
    /// <summary>How long Redis is left alone after a command failed while the connection looked up.</summary>
    public static readonly TimeSpan CoolOff = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private DateTimeOffset coolOffUntil = DateTimeOffset.MinValue;
    private DateTimeOffset? downSince;
    private int outages;
    private bool watching;

    /// <summary>How many times Redis has become unreachable since this instance started.</summary>
    public int Outages => Volatile.Read(ref outages);

    /// <summary>When the current outage began; null while Redis is reachable.</summary>
    public DateTimeOffset? DownSince
    {
        get
        {
            lock (gate)
            {
                return downSince;
            }
        }
    }

    /// <summary>The connection while it can be used; null while Redis is unreachable (the caller falls back).</summary>
    public IConnectionMultiplexer? Current
    {
        get
        {
            var task = connection.Value;
            if (!task.IsCompletedSuccessfully)
            {
                // Still connecting for the first time (or the configuration was wrong): do without rather than wait.
                if (task.IsFaulted)
                {
                    MarkDown(task.Exception?.GetBaseException().Message ?? "the connection failed");
                }

                return null;
            }

            var multiplexer = task.Result;
            Watch(multiplexer);
            if (!multiplexer.IsConnected)
            {
                MarkDown("not connected");
                return null;
            }

            lock (gate)
            {
                if (clock.GetUtcNow() < coolOffUntil)
                {
                    return null;
                }
            }

            MarkUp();
            return multiplexer;
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the first connection attempt, then answers as <see cref="Current"/>.</summary>
    public async Task<IConnectionMultiplexer?> GetAsync(TimeSpan timeout)
    {
        try
        {
            await connection.Value.WaitAsync(timeout);
        }
        catch (Exception ex) when (ex is TimeoutException or RedisException)
        {
            // Current reports it.
        }

        return Current;
    }

    /// <summary>A command failed or timed out: fall back for <see cref="CoolOff"/>, and log the outage if it is new.</summary>
    public void ReportFailure(Exception exception)
    {
        lock (gate)
        {
            coolOffUntil = clock.GetUtcNow() + CoolOff;
        }

        MarkDown(exception.GetType().Name + ": " + exception.Message);
    }

    private void Watch(IConnectionMultiplexer multiplexer)
    {
        lock (gate)
        {
            if (watching)
            {
                return;
            }

            watching = true;
        }

        // The connection notices a lost server before any request does (and a server that went and came back while
        // no request used it): count that outage too, so the output cache drops what it may have missed.
        multiplexer.ConnectionFailed += (_, e) => MarkDown($"{e.FailureType} on {e.EndPoint}");
    }

    private void MarkDown(string reason)
    {
        lock (gate)
        {
            if (downSince is not null)
            {
                return;
            }

            downSince = clock.GetUtcNow();
            outages++;
        }

        logger.LogWarning(
            "Redis is unreachable ({Reason}): serving pages without the shared cache and counting rate limits on this instance until it is back",
            reason);
    }

    private void MarkUp()
    {
        DateTimeOffset since;
        lock (gate)
        {
            if (downSince is null)
            {
                return;
            }

            since = downSince.Value;
            downSince = null;
        }

        logger.LogInformation("Redis is reachable again after {Seconds:0.0} s: using the shared cache and rate-limit counts again",
            (clock.GetUtcNow() - since).TotalSeconds);
    }
}
