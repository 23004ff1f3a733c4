using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Reading;
using LearningPortal.Core.Content.Rendering;
using Microsoft.AspNetCore.Mvc;

namespace LearningPortal.Web.Pages.Content;

/// <summary>A general page at the top level: /about, /accessibility, /privacy.</summary>
public class GenericPageModel(PublishedContent content, ContentRedirects redirects, ContentRenderer renderer)
    : PublicContentPageModel(content, redirects, renderer)
{
    public async Task<IActionResult> OnGetAsync(string slug) =>
        !Core.Content.Fields.Slugs.IsValid(slug) ? NotFound() : await LoadAsync(DocumentType.Page, slug, null, _ => []) ?? Page();
}
