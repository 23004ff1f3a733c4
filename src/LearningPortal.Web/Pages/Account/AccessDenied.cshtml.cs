namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// Identity's cookie names this page. Forbidden requests normally get a 403 and the Error page instead
/// (see AccountsServiceCollectionExtensions), so it is reached only by following that address.
/// </summary>
[AllowAnonymous]
public class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
