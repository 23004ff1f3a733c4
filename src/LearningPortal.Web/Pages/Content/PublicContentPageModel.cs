using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Reading;
using LearningPortal.Core.Content.Rendering;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Web.Pages.Content;

/// <summary>
/// Shared by the public document pages: only published content, an old address answered with a permanent
/// redirect, anything else "page not found".
/// </summary>
[AllowAnonymous]
public abstract class PublicContentPageModel(PublishedContent content, ContentRedirects redirects, ContentRenderer renderer) : PageModel
{
    public DocumentView View { get; private set; } = default!;

    protected PublishedContent Published => content;

    /// <summary>Loads the live document (or an earlier published version); returns null when the page should be shown.</summary>
    protected async Task<IActionResult?> LoadAsync(DocumentType type, string slug, int? versionNumber, Func<PublishedPage, IEnumerable<(string Id, string Text, bool Present)>> sections)
    {
        var page = versionNumber is { } n
            ? await content.GetVersionAsync(type, slug, n, HttpContext.RequestAborted)
            : await content.GetAsync(type, slug, HttpContext.RequestAborted);
        if (page is null)
        {
            var prefix = Core.Content.Fields.DocumentTypes.PathFor(type, slug);
            var target = await redirects.FindAsync(prefix, HttpContext.RequestAborted);
            if (target is not null)
            {
                return RedirectPermanent(target + Request.Path.Value![prefix.Length..] + Request.QueryString);
            }

            return NotFound();
        }

        var rendered = renderer.Render(page.Version, page.Fields);
        var versions = type == DocumentType.LearningBriefing ? await content.VersionsAsync(page.Document.Id, HttpContext.RequestAborted) : [];
        var contents = rendered.Headings.Where(h => h.Level == 2).Select(h => (h.Id, h.Text))
            .Concat(sections(page).Where(s => s.Present).Select(s => (s.Id, s.Text)))
            .ToList();
        View = new DocumentView(page, rendered, versions) { Contents = contents };
        ViewData["Title"] = page.Fields.Title;
        return null;
    }
}
