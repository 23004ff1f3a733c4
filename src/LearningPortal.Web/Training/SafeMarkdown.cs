using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace LearningPortal.Web.Training;

/// <summary>
/// Renders editors' Markdown (course descriptions and materials) to HTML that is safe to show: raw HTML in
/// the source is not passed through, and the result is sanitised as a second line of defence.
/// </summary>
public sealed class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();
    private readonly HtmlSanitizer sanitizer = new();

    public SafeMarkdown()
    {
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("img");
        sanitizer.PostProcessNode += (_, e) =>
        {
            // GOV.UK classes on the common elements, so rendered text looks like the rest of the page.
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                var css = element.LocalName switch
                {
                    "p" => "govuk-body",
                    "a" => "govuk-link",
                    "ul" => "govuk-list govuk-list--bullet",
                    "ol" => "govuk-list govuk-list--number",
                    "h1" or "h2" => "govuk-heading-m",
                    "h3" or "h4" or "h5" or "h6" => "govuk-heading-s",
                    _ => null,
                };
                if (css is not null)
                {
                    element.SetAttribute("class", css);
                }
            }
        };
        sanitizer.AllowedAttributes.Add("class");
    }

    public IHtmlContent Render(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown)
            ? HtmlString.Empty
            : new HtmlString(sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline)));
}
