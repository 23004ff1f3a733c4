using LearningPortal.Core.Content;
using LearningPortal.Core.Notifications;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace LearningPortal.Web.Content;

/// <summary>
/// Output caching of the public content pages for anonymous readers. A page is cached only when the request has no
/// sign-in cookie and no signed-in user (the layout then shows a user's name and a sign-out form with an anti-forgery
/// token), and only a 200 that sets no cookie and does not forbid storing. Every entry carries <see cref="Tag"/>, which
/// is evicted whenever content is published or unpublished (now, by schedule or on approval).
/// </summary>
public static class PublicContentCache
{
    /// <summary>The tag on every cached content page.</summary>
    public const string Tag = "content";

    /// <summary>The policy for document pages (no query string used).</summary>
    public const string DocumentPolicy = "content";

    /// <summary>The policy for the learning index, which varies by its filters and page.</summary>
    public const string LearningIndexPolicy = "content-learning-index";

    /// <summary>
    /// Entries also expire, as a backstop. With Redis configured the entries and their tags live in Redis, so a
    /// publish on any instance evicts the page for every instance at once; without Redis the site runs alone.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddPortalContentCache(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            o.AddPolicy(DocumentPolicy, new AnonymousContentPolicy([]));
            o.AddPolicy(LearningIndexPolicy, new AnonymousContentPolicy(["theme", "format", "year", "page"]));
        });
        services.AddNotificationHandler<ContentPublished, EvictOnContentChange>();
        services.AddNotificationHandler<ContentUnpublished, EvictOnContentChange>();
        return services;
    }

    /// <summary>Whether the request may be answered from (and stored in) the shared cache: an anonymous GET or HEAD.</summary>
    public static bool IsAnonymous(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.HttpContext.User.Identity?.IsAuthenticated != true
        && !request.Headers.ContainsKey(HeaderNames.Authorization)
        // A sign-in cookie (even an expired one, or a chunked one: lp.authC1...) bypasses the cache rather than
        // trusting that it will not authenticate.
        && !request.Cookies.Keys.Any(k => k.StartsWith(AuthCookieName, StringComparison.Ordinal));

    /// <summary>The Identity application cookie's name (see AccountsServiceCollectionExtensions).</summary>
    public const string AuthCookieName = "lp.auth";

    private sealed class AnonymousContentPolicy(string[] queryKeys) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var anonymous = IsAnonymous(context.HttpContext.Request);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = anonymous;
            context.AllowCacheStorage = anonymous;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = Lifetime;
            // Only the query keys the page reads make a different page; anything else shares the entry.
            context.CacheVaryByRules.QueryKeys = queryKeys;
            context.Tags.Add(Tag);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            // Never store anything personal: a cookie being set, an anti-forgery token (which marks the response
            // no-store), a user who signed in during the request, or anything but a plain 200.
            if (response.StatusCode != StatusCodes.Status200OK
                || response.Headers.ContainsKey(HeaderNames.SetCookie)
                || response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase)
                || context.HttpContext.User.Identity?.IsAuthenticated == true)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Drops every cached content page when anything is published or unpublished: lists and related links change too.</summary>
    private sealed class EvictOnContentChange(IOutputCacheStore store) : INotificationHandler<ContentPublished>, INotificationHandler<ContentUnpublished>
    {
        public Task HandleAsync(ContentPublished notification, CancellationToken cancellationToken) => store.EvictByTagAsync(Tag, cancellationToken).AsTask();

        public Task HandleAsync(ContentUnpublished notification, CancellationToken cancellationToken) => store.EvictByTagAsync(Tag, cancellationToken).AsTask();
    }
}
