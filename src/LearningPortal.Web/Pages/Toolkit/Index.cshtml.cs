using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Reading;
using Microsoft.AspNetCore.OutputCaching;

namespace LearningPortal.Web.Pages.Toolkit;

/// <summary>/toolkit: published resources grouped by category.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = LearningPortal.Web.Content.PublicContentCache.DocumentPolicy)]
public class IndexModel(PublishedContent content) : PageModel
{
    public IReadOnlyList<ListingItem> Resources { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Resources = await content.ListAsync(DocumentType.ToolkitResource, HttpContext.RequestAborted);
        ViewData["Section"] = "toolkit";
    }
}
