using LearningPortal.Core.Content.Reading;

namespace LearningPortal.Web.Pages.Manage.Content;

/// <summary>Old addresses that redirect to a document's current address.</summary>
public class RedirectsModel(ContentRedirects redirects) : PageModel
{
    public IReadOnlyList<RedirectInfo> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await redirects.ListAsync();
}
