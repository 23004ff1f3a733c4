using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Media;
using LearningPortal.Core.Content.Reading;
using LearningPortal.Core.Content.Rendering;
using LearningPortal.Web.Pages.Content;

namespace LearningPortal.Web.Content;

/// <summary>
/// Builds <see cref="DocumentView"/>s: for the public pages from a published version, and for the back office's
/// preview from a draft (saved or not), so a preview is exactly what readers will see.
/// </summary>
public class DocumentViews(PublishedContent content, ContentRenderer renderer, MediaLibrary media)
{
    /// <summary>A saved version as readers see it (rendering cached by version).</summary>
    public Task<DocumentView> ForReadersAsync(PublishedPage page, CancellationToken cancellationToken = default) =>
        BuildAsync(page, renderer.Render(page.Version, page.Fields), preview: false, cancellationToken);

    /// <summary>
    /// How a draft will look: pass the document (or a new, unsaved one) and the fields, body and slug as typed.
    /// Nothing is saved; Markdown is rendered and sanitised exactly as on the public page.
    /// </summary>
    public Task<DocumentView> PreviewAsync(Document document, DocumentFields fields, string body, string slug, CancellationToken cancellationToken = default)
    {
        fields.Normalise();
        var version = new DocumentVersion { Document = document, Number = document.LatestVersionNumber + 1, Title = fields.Title, Slug = slug, Body = body ?? "" };
        var previewDocument = new Document { Id = document.Id, Type = fields.Type, Slug = slug, Title = fields.Title, LastPublishedUtc = document.LastPublishedUtc };
        var page = new PublishedPage(previewDocument, version, fields);
        return BuildAsync(page, renderer.RenderNow(fields, version.Body), preview: true, cancellationToken);
    }

    private async Task<DocumentView> BuildAsync(PublishedPage page, RenderedDocument rendered, bool preview, CancellationToken cancellationToken)
    {
        var files = new List<MediaItem>();
        IReadOnlyList<ListingItem> related = [];
        if (page.Fields is ToolkitResourceFields toolkit)
        {
            foreach (var id in toolkit.Files)
            {
                if (await media.GetAsync(id, cancellationToken) is { } item)
                {
                    files.Add(item);
                }
            }

            related = await content.BriefingsAsync(toolkit.RelatedBriefings, cancellationToken);
        }

        var versions = !preview && page.Document.Type == DocumentType.LearningBriefing
            ? await content.VersionsAsync(page.Document.Id, cancellationToken)
            : [];
        var contents = rendered.Headings.Where(h => h.Level == 2).Select(h => (h.Id, h.Text))
            .Concat(Sections(page.Fields).Where(s => s.Present).Select(s => (s.Id, s.Text)))
            .ToList();
        return new DocumentView(page, rendered) { Versions = versions, Files = files, RelatedBriefings = related, Contents = contents, IsPreview = preview };
    }

    /// <summary>The type's own sections, in page order, and whether this document has each.</summary>
    private static IEnumerable<(string Id, string Text, bool Present)> Sections(DocumentFields fields)
    {
        var titles = ContentRenderer.Sections(fields.Type).ToDictionary(s => s.Id, s => s.Title);
        return fields switch
        {
            LearningBriefingFields f =>
            [
                ("key-lines-of-enquiry", titles["key-lines-of-enquiry"], f.KeyLinesOfEnquiry.Count > 0),
                ("good-practice", titles["good-practice"], f.GoodPractice.Length > 0),
                ("areas-for-development", titles["areas-for-development"], f.AreasForDevelopment.Length > 0),
                ("conclusion", titles["conclusion"], f.Conclusion.Length > 0),
                ("recommendations", f.Recommendations.Any(r => r.QuestionId is not null) ? "Recommendations and questions for practice" : titles["recommendations"], f.Recommendations.Count > 0),
                ("questions-for-reflection", titles["questions-for-reflection"], f.Questions.Count > 0),
                ("what-to-do-now", titles["what-to-do-now"], f.WhatToDoNow.Length > 0),
                ("related-resources", titles["related-resources"], f.RelatedResources.Length > 0),
                ("feedback", titles["feedback"], true),
            ],
            StrategyFields f =>
            [
                ("definition", titles["definition"], f.Definition.Length > 0),
                ("objectives", titles["objectives"], f.Objectives.Count > 0),
                ("measures-of-success", titles["measures-of-success"], f.MeasuresOfSuccess.Count > 0),
                ("review", titles["review"], f.ReviewDate is not null),
            ],
            ToolkitResourceFields f =>
            [
                ("downloads", titles["downloads"], f.Files.Count > 0),
                ("related-learning", titles["related-learning"], f.RelatedBriefings.Count > 0),
            ],
            _ => [],
        };
    }
}
