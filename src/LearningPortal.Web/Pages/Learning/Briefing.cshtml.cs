using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Reading;
using LearningPortal.Core.Content.Rendering;
using LearningPortal.Web.Pages.Content;
using Microsoft.AspNetCore.Mvc;

namespace LearningPortal.Web.Pages.Learning;

/// <summary>/learning/{slug} and /learning/{slug}/versions/{number}: a briefing, current or as it was.</summary>
public class BriefingModel(PublishedContent content, ContentRedirects redirects, ContentRenderer renderer)
    : PublicContentPageModel(content, redirects, renderer)
{
    public LearningBriefingFields Fields => (LearningBriefingFields)View.Page.Fields;

    public async Task<IActionResult> OnGetAsync(string slug, int? number)
    {
        var result = await LoadAsync(DocumentType.LearningBriefing, slug, number, Sections);
        ViewData["Section"] = "learning";
        if (result is not null)
        {
            return result;
        }

        if (number is not null && View.Page.IsCurrent)
        {
            // The live version has one address.
            return Redirect(View.Page.Path);
        }

        if (number is not null)
        {
            ViewData["Title"] = $"{Fields.Title} (version {number})";
        }

        return Page();
    }

    private static IEnumerable<(string, string, bool)> Sections(PublishedPage page)
    {
        var f = (LearningBriefingFields)page.Fields;
        yield return ("key-lines-of-enquiry", "Key lines of enquiry", f.KeyLinesOfEnquiry.Count > 0);
        yield return ("good-practice", "Good practice", f.GoodPractice.Length > 0);
        yield return ("areas-for-development", "Areas for development", f.AreasForDevelopment.Length > 0);
        yield return ("conclusion", "Conclusion", f.Conclusion.Length > 0);
        yield return ("recommendations", f.Format == BriefingFormat.AtAGlance ? "Recommendations and questions for practice" : "Recommendations", f.Recommendations.Count > 0);
        yield return ("questions-for-reflection", "Questions for reflection", f.Questions.Any(q => !f.Recommendations.Any(r => r.QuestionId == q.Id)));
        yield return ("what-to-do-now", "What to do now", f.WhatToDoNow.Length > 0);
        yield return ("related-resources", "Related resources", f.RelatedResources.Length > 0);
        yield return ("feedback", "Tell us what you think", true);
    }
}
