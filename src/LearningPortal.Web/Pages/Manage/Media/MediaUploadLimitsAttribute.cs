using LearningPortal.Core.Content;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Pages.Manage.Media;

/// <summary>
/// Lets an upload page read a request somewhat larger than the media library's limit, so that a file over the
/// limit reaches the page and gets a GOV.UK error message instead of Kestrel's 413 (30 MB by default) or the
/// form reader's 400. The ceiling is five times the limit (at least the limit plus 10 MB): bigger requests are
/// still cut off, so nobody can stream an unbounded body at the site.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class MediaUploadLimitsAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    /// <summary>Before the anti-forgery check (order 1000), which is the first thing to read the form.</summary>
    public int Order => 900;

    public bool IsReusable => true;

    public static long CeilingFor(long maxUploadBytes) => Math.Max(maxUploadBytes * 5, maxUploadBytes + (10L * 1024 * 1024));

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Limits(serviceProvider.GetRequiredService<IOptionsMonitor<ContentOptions>>(), Order);

    private sealed class Limits(IOptionsMonitor<ContentOptions> options, int order) : IAuthorizationFilter, IOrderedFilter
    {
        public int Order => order;

        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsPost(http.Request.Method))
            {
                return;
            }

            var ceiling = CeilingFor(options.CurrentValue.MaxUploadBytes);
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            {
                body.MaxRequestBodySize = ceiling;
            }

            if (http.Request.HasFormContentType && http.Features.Get<IFormFeature>()?.Form is null)
            {
                Security.UnreadableRequestMiddleware.UseFormFeature(http, new FormFeature(http.Request, new FormOptions
                {
                    MultipartBodyLengthLimit = ceiling,
                }));
            }
        }
    }
}
