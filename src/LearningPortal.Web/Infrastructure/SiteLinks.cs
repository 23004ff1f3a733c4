using LearningPortal.Core.Email;
using LearningPortal.Core.Training;

namespace LearningPortal.Web.Infrastructure;

/// <summary>
/// Absolute links for emails, by page name: the path comes from routing, the scheme, host and path base from the
/// configured site address (<see cref="ISiteAddress"/>), never from a request, whose Host header the sender controls.
/// </summary>
public static class SiteLinks
{
    /// <summary>The absolute address of a Razor page (an absolute page name such as <c>/Account/ResetPassword</c>).</summary>
    public static string Page(LinkGenerator links, ISiteAddress site, string page, object? values = null)
    {
        var baseUri = site.BaseUri;
        var path = links.GetPathByPage(page, handler: null, values, new PathString(baseUri.AbsolutePath.TrimEnd('/')))
            ?? throw new InvalidOperationException($"No route to {page}.");
        return new Uri(baseUri, path).ToString();
    }
}

/// <summary>Core's way to <see cref="SiteLinks"/>: links in the emails Core writes (accounts), by page name.</summary>
public sealed class EmailLinks(LinkGenerator links, ISiteAddress site) : IEmailLinks
{
    public string Page(string page, object? values = null) => SiteLinks.Page(links, site, page, values);
}
