using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Reading;
using LearningPortal.Core.Content.Rendering;
using LearningPortal.Web.Pages.Content;
using Microsoft.AspNetCore.Mvc;

namespace LearningPortal.Web.Pages.Strategy;

/// <summary>/strategy/{slug}: definition, objectives, measures of success and review date.</summary>
public class DocumentModel(PublishedContent content, ContentRedirects redirects, ContentRenderer renderer)
    : PublicContentPageModel(content, redirects, renderer)
{
    public StrategyFields Fields => (StrategyFields)View.Page.Fields;

    public async Task<IActionResult> OnGetAsync(string slug) =>
        await LoadAsync(DocumentType.Strategy, slug, null, page =>
        {
            var f = (StrategyFields)page.Fields;
            return
            [
                ("definition", "Definition", f.Definition.Length > 0), ("objectives", "Strategic objectives", f.Objectives.Count > 0),
                ("measures-of-success", "Measures of success", f.MeasuresOfSuccess.Count > 0), ("review", "Review", f.ReviewDate is not null),
            ];
        }) ?? Page();
}
