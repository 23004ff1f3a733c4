using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LearningPortal.Benchmarks.Content;

/// <summary>
/// In the benchmark host only (never in the product), <see cref="Page"/> is served from memory twice: at
/// <see cref="MemoryPath"/> as a routed endpoint in the site's own pipeline (security headers, routing, authentication,
/// rate limiting, authorisation: everything a cached page passes through except the output cache), and at
/// <see cref="RawPath"/> before any of the site's middleware (what Kestrel alone costs). Added to the site as a startup filter.
/// </summary>
public sealed class InMemoryPage : IStartupFilter
{
    /// <summary>Routed endpoint in the site's pipeline that writes <see cref="Page"/>.</summary>
    public const string MemoryPath = "/bench/memory";

    /// <summary>Middleware in front of the site's pipeline that writes <see cref="Page"/>.</summary>
    public const string RawPath = "/bench/raw";

    /// <summary>The bytes (UTF-8 HTML) served at <see cref="MemoryPath"/> and <see cref="RawPath"/>.</summary>
    public byte[] Page { get; set; } = [];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, rest) => context.Request.Path == RawPath ? WriteAsync(context) : rest(context));
        next(app);
        // The site's Program called UseRouting on the WebApplication, whose route builder the pipeline now holds:
        // an endpoint added to it is matched like the site's own pages (after them in the middleware order).
        var routes = app.Properties.TryGetValue("__EndpointRouteBuilder", out var builder) && builder is IEndpointRouteBuilder b
            ? b
            : throw new InvalidOperationException("The site's route builder was not found; the in-memory endpoint cannot be added.");
        routes.MapGet(MemoryPath, WriteAsync).AllowAnonymous().WithDisplayName("Benchmark: in-memory page");
    };

    private Task WriteAsync(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = Page.Length;
        return context.Response.Body.WriteAsync(Page).AsTask();
    }
}
