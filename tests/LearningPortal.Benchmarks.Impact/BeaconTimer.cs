using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace LearningPortal.Benchmarks.Impact;

/// <summary>
/// Times the read beacon inside the site: from the first middleware to the response, the whole pipeline the beacon
/// goes through (security headers, routing, the sign-in cookie, rate limiting, the endpoint), without the client's or
/// the loopback's share, which a busy benchmark machine inflates.
/// </summary>
internal sealed class BeaconTimer : IStartupFilter
{
    private long ticks;
    private long count;

    public double MeanMs => Interlocked.Read(ref count) == 0 ? 0 : Stopwatch.GetElapsedTime(0, Interlocked.Read(ref ticks)).TotalMilliseconds / Interlocked.Read(ref count);

    public void Reset()
    {
        Interlocked.Exchange(ref ticks, 0);
        Interlocked.Exchange(ref count, 0);
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (!context.Request.Path.StartsWithSegments("/reads"))
            {
                await following(context);
                return;
            }

            var start = Stopwatch.GetTimestamp();
            await following(context);
            Interlocked.Add(ref ticks, Stopwatch.GetTimestamp() - start);
            Interlocked.Increment(ref count);
        });
        next(app);
    };
}
