using System.Security.Claims;
using LearningPortal.Core.Impact;

namespace LearningPortal.Web.Impact;

/// <summary>
/// <c>POST /reads/{documentId}</c>: the beacon a briefing page sends after it has loaded (wwwroot/js/site.js). The page
/// itself may come from the output cache, so the read cannot be recorded while rendering it; the beacon is a separate
/// tiny request that only hands the read to <see cref="ReadRecorder"/> (an in-memory queue) and answers 204 at once.
/// </summary>
public static class ImpactEndpoints
{
    public const string ReadBeaconPath = "/reads/{documentId:int}";

    public static IEndpointRouteBuilder MapPortalImpactEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(ReadBeaconPath, RecordRead).AllowAnonymous().DisableAntiforgery().WithDisplayName("Briefing read beacon");
        return endpoints;
    }

    private static IResult RecordRead(int documentId, HttpContext context, ReadRecorder recorder)
    {
        // Only the site's own pages send it (browsers mark a beacon from elsewhere as cross-site): a page on another site
        // cannot make a signed-in person "read" something.
        if (!IsSameOrigin(context.Request))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var userId = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        recorder.Record(documentId, userId);
        return Results.NoContent();
    }

    private static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site == "same-origin";
        }

        var origin = request.Headers.Origin.ToString();
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
