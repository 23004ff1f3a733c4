namespace LearningPortal.Core.Email;

/// <summary>
/// Absolute links for emails, by page name (e.g. <c>/Account/ResetPassword</c>): the path from the site's routes, the
/// scheme, host and path base from the configured site address (Site:Address), never from a request, whose Host header
/// the sender controls. The web project answers it; Core knows nothing of routing.
/// </summary>
public interface IEmailLinks
{
    /// <summary>The absolute address of a page, with its route and query values.</summary>
    string Page(string page, object? values = null);
}

/// <summary>Who the emails come from: the service's name and the organisation that runs it (from the site's theme).</summary>
public sealed record ServiceIdentity(string ServiceName, string Organisation);
