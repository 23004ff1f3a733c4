using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Reading;
using Microsoft.AspNetCore.OutputCaching;

namespace LearningPortal.Web.Pages.Strategy;

/// <summary>/strategy: the partnership's published strategies; with only one, it goes straight to it.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = LearningPortal.Web.Content.PublicContentCache.DocumentPolicy)]
public class IndexModel(PublishedContent content) : PageModel
{
    public IReadOnlyList<ListingItem> Strategies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Strategies = await content.ListAsync(DocumentType.Strategy, HttpContext.RequestAborted);
        return Page();
    }
}
