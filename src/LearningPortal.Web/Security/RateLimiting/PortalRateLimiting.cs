using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Security.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter, applied to the pages marked <see cref="RateLimitedAttribute"/>. Each request is counted
/// twice, for its network and for its subject (the address typed, whether or not it has an account, so that a limit
/// never tells anyone whether an account exists), in an <see cref="IAttemptCounter"/>. A limited request gets 429, a
/// Retry-After header and the "Too many attempts" page.
/// </summary>
public static class PortalRateLimiting
{
    private const string AttemptKey = "lp.rate-limit";

    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(PortalRateLimitOptions.From(configuration));
        // A shared store registered before this (Redis, by AddPortalRedis) takes precedence over this process's memory.
        services.AddSingleton<MemoryAttemptCounter>();
        services.TryAddSingleton<IAttemptCounter>(sp => sp.GetRequiredService<MemoryAttemptCounter>());
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IAttemptCounter, PortalRateLimitOptions>((o, counter, limits) =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, Attempt>(context =>
                context.Items[AttemptKey] is Attempt attempt
                    ? RateLimitPartition.Get(attempt, a => new CountingRateLimiter(counter, a, limits.Rules[a.Policy]))
                    : RateLimitPartition.GetNoLimiter(Attempt.Unlimited));
            o.OnRejected = (rejected, _) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var attempt = rejected.HttpContext.Items[AttemptKey] as Attempt;
                rejected.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalRateLimiting))
                    .LogWarning("Rate limit {Policy} refused {Method} {Path} from {Network}", attempt?.Policy, rejected.HttpContext.Request.Method, rejected.HttpContext.Request.Path, attempt?.Network);
                // No body: the status code pages show the GOV.UK "Too many attempts" page.
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>After routing and authentication: works out what each limited request counts against, then limits.</summary>
    public static IApplicationBuilder UsePortalRateLimiting(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAttribute>() is { } limited
                && (HttpMethods.IsPost(context.Request.Method) || (limited.CountReads && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))))
            {
                context.Items[AttemptKey] = new Attempt(limited.Policy, Network(context), await SubjectAsync(context, limited));
            }
            else
            {
                // The error page re-executed for a refused request must not be counted (and refused) again.
                context.Items.Remove(AttemptKey);
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    /// <summary>The client's address; IPv6 by its /64, which one household or office usually holds whole.</summary>
    private static string Network(HttpContext context)
    {
        var ip = context.Connection.RemoteIpAddress;
        if (ip is null)
        {
            return "unknown";
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = ip.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            ip = new IPAddress(bytes);
        }

        return ip.ToString();
    }

    private static async Task<string?> SubjectAsync(HttpContext context, RateLimitedAttribute limited)
    {
        string? subject = null;
        switch (limited.Subject)
        {
            case RateLimitSubject.TypedAddress when context.Request.HasFormContentType:
                try
                {
                    var form = await context.Request.ReadFormAsync(context.RequestAborted);
                    subject = form[limited.Field].FirstOrDefault()?.Trim().ToUpperInvariant();
                }
                catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
                {
                    // A form that cannot be read is answered later (400 or 413); the network is still counted.
                }

                break;
            case RateLimitSubject.SecondStepAccount:
                var second = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
                subject = second.Principal?.Identity?.Name;
                break;
            case RateLimitSubject.Token:
                subject = context.Request.RouteValues[limited.Field]?.ToString() ?? context.Request.Query[limited.Field].FirstOrDefault();
                break;
        }

        // Hashed: the counts (possibly in a shared store) must not become a list of email addresses.
        return string.IsNullOrEmpty(subject) ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(subject)), 0, 16);
    }

    /// <summary>What a request counts against: its limit, its network and its subject (hashed), if any.</summary>
    private sealed record Attempt(string Policy, string Network, string? Subject)
    {
        public static readonly Attempt Unlimited = new("", "", null);
    }

    /// <summary>
    /// One partition's limiter: it counts in the shared <see cref="IAttemptCounter"/>, which may be remote, so it decides
    /// only asynchronously (the middleware asks asynchronously when the synchronous attempt is not granted).
    /// </summary>
    private sealed class CountingRateLimiter(IAttemptCounter counter, Attempt attempt, RateLimitRule rule) : RateLimiter
    {
        private long lastUsedTicks = DateTime.UtcNow.Ticks;

        public override TimeSpan? IdleDuration => DateTime.UtcNow - new DateTime(Interlocked.Read(ref lastUsedTicks), DateTimeKind.Utc);

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotYetDecided;

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref lastUsedTicks, DateTime.UtcNow.Ticks);
            var network = await counter.CountAsync($"{attempt.Policy}:n:{attempt.Network}", rule.Window, cancellationToken);
            var refusedUntil = network.Count > rule.PerNetwork ? network.WindowEndsUtc : (DateTimeOffset?)null;
            if (attempt.Subject is not null)
            {
                var subject = await counter.CountAsync($"{attempt.Policy}:s:{attempt.Subject}", rule.Window, cancellationToken);
                if (subject.Count > rule.PerSubject && (refusedUntil is null || subject.WindowEndsUtc > refusedUntil))
                {
                    refusedUntil = subject.WindowEndsUtc;
                }
            }

            return refusedUntil is { } until ? Lease.Refused(until - DateTimeOffset.UtcNow) : Lease.Granted;
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease NotYetDecided = new(false, null);

        public static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
