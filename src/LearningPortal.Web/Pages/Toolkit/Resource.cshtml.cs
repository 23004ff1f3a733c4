using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Media;
using LearningPortal.Core.Content.Reading;
using LearningPortal.Core.Content.Rendering;
using LearningPortal.Web.Pages.Content;
using Microsoft.AspNetCore.Mvc;

namespace LearningPortal.Web.Pages.Toolkit;

/// <summary>/toolkit/{slug}: a resource with its files to download and related learning.</summary>
public class ResourceModel(PublishedContent content, ContentRedirects redirects, ContentRenderer renderer, MediaLibrary media)
    : PublicContentPageModel(content, redirects, renderer)
{
    public ToolkitResourceFields Fields => (ToolkitResourceFields)View.Page.Fields;

    public IReadOnlyList<MediaItem> Files { get; private set; } = [];

    public IReadOnlyList<ListingItem> RelatedBriefings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        ViewData["Section"] = "toolkit";
        var result = await LoadAsync(DocumentType.ToolkitResource, slug, null, page =>
        {
            var f = (ToolkitResourceFields)page.Fields;
            return [("downloads", "Downloads", f.Files.Count > 0), ("related-learning", "Related learning", f.RelatedBriefings.Count > 0)];
        });
        if (result is not null)
        {
            return result;
        }

        var files = new List<MediaItem>();
        foreach (var id in Fields.Files)
        {
            if (await media.GetAsync(id, HttpContext.RequestAborted) is { } item)
            {
                files.Add(item);
            }
        }

        Files = files;
        RelatedBriefings = await Published.BriefingsAsync(Fields.RelatedBriefings, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>"PDF, 245 KB", as GOV.UK describes attachments.</summary>
    public static string Describe(MediaItem item)
    {
        var type = MediaTypes.All.FirstOrDefault(t => t.ContentType == item.ContentType)?.Name ?? "File";
        var size = item.SizeBytes >= 1024 * 1024
            ? $"{item.SizeBytes / (1024.0 * 1024):0.#} MB"
            : $"{Math.Max(1, item.SizeBytes / 1024)} KB";
        return $"{type}, {size}";
    }
}
