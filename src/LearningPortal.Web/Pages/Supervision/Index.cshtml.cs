using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Web.Pages.Supervision;

/// <summary>Supervision records; the folder needs two-factor sign-in (PagesServiceCollectionExtensions).</summary>
public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
