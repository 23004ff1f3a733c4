using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Reading;
using LearningPortal.Web.Content;
using Microsoft.AspNetCore.OutputCaching;

namespace LearningPortal.Web.Pages.Content;

/// <summary>
/// The public document pages: only published content, an old address answered with a permanent redirect,
/// anything else "page not found". The page itself is the _DocumentContent partial.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicContentCache.DocumentPolicy)]
public abstract class PublicContentPageModel(PublishedContent content, ContentRedirects redirects, DocumentViews views) : PageModel
{
    public DocumentView View { get; private set; } = default!;

    /// <summary>Shows the live document of the type at the slug, or an earlier published version of it.</summary>
    protected async Task<IActionResult> ShowAsync(DocumentType type, string slug, int? versionNumber = null, string? section = null)
    {
        ViewData["Section"] = section;
        if (!Slugs.IsValid(slug))
        {
            return NotFound();
        }

        var page = versionNumber is { } n
            ? await content.GetVersionAsync(type, slug, n, HttpContext.RequestAborted)
            : await content.GetAsync(type, slug, HttpContext.RequestAborted);
        if (page is null)
        {
            var prefix = DocumentTypes.PathFor(type, slug);
            var target = await redirects.FindAsync(prefix, HttpContext.RequestAborted);
            return target is null ? NotFound() : RedirectPermanent(target + Request.Path.Value![prefix.Length..] + Request.QueryString);
        }

        if (versionNumber is not null && page.IsCurrent)
        {
            // The live version has one address.
            return Redirect(page.Path);
        }

        View = await views.ForReadersAsync(page, HttpContext.RequestAborted);
        ViewData["Title"] = versionNumber is null ? page.Fields.Title : $"{page.Fields.Title} (version {versionNumber})";
        return Page();
    }
}

/// <summary>/learning/{slug} and /learning/{slug}/versions/{number}: a briefing, current or as it was.</summary>
public class BriefingModel(PublishedContent content, ContentRedirects redirects, DocumentViews views) : PublicContentPageModel(content, redirects, views)
{
    public Task<IActionResult> OnGetAsync(string slug, int? number) => ShowAsync(DocumentType.LearningBriefing, slug, number, "learning");
}

/// <summary>/toolkit/{slug}: a resource with its files and related learning.</summary>
public class ToolkitResourceModel(PublishedContent content, ContentRedirects redirects, DocumentViews views) : PublicContentPageModel(content, redirects, views)
{
    public Task<IActionResult> OnGetAsync(string slug) => ShowAsync(DocumentType.ToolkitResource, slug, section: "toolkit");
}

/// <summary>/strategy/{slug}: definition, objectives, measures of success, review.</summary>
public class StrategyModel(PublishedContent content, ContentRedirects redirects, DocumentViews views) : PublicContentPageModel(content, redirects, views)
{
    public Task<IActionResult> OnGetAsync(string slug) => ShowAsync(DocumentType.Strategy, slug);
}

/// <summary>A general page at the top level: /about, /accessibility, /privacy.</summary>
public class GenericPageModel(PublishedContent content, ContentRedirects redirects, DocumentViews views) : PublicContentPageModel(content, redirects, views)
{
    public Task<IActionResult> OnGetAsync(string slug) => ShowAsync(DocumentType.Page, slug);
}
