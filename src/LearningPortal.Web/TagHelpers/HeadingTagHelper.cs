using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningPortal.Web.TagHelpers;

/// <summary>
/// A heading whose level the page chooses: <c>&lt;lp-heading level="3" class="govuk-heading-m"&gt;</c> writes an
/// <c>h3</c>. For partials shown at the top of a page (h2) and inside a longer one, such as the yearly report (h3),
/// so the outline stays in order either way.
/// </summary>
[HtmlTargetElement("lp-heading")]
public class HeadingTagHelper : TagHelper
{
    /// <summary>2 to 6 (anything else is kept within that range).</summary>
    public int Level { get; set; } = 2;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = $"h{Math.Clamp(Level, 2, 6)}";
        output.TagMode = TagMode.StartTagAndEndTag;
    }
}
