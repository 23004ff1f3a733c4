using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningPortal.Web.TagHelpers;

/// <summary>
/// Wraps a wide table so that on a narrow screen it scrolls sideways inside its own region instead of widening the
/// page (WCAG 2.2 1.4.10 Reflow): <c>&lt;lp-table-scroll label="Your bookings"&gt;&lt;table&gt;...&lt;/table&gt;&lt;/lp-table-scroll&gt;</c>.
/// The region is focusable, so keyboard users can scroll it with the arrow keys, and labelled for screen readers.
/// </summary>
[HtmlTargetElement("lp-table-scroll")]
public class TableScrollTagHelper : TagHelper
{
    /// <summary>What the table is, read out when the region takes focus (usually the table's caption).</summary>
    public string Label { get; set; } = "Table";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "lp-table-scroll");
        output.Attributes.SetAttribute("tabindex", "0");
        output.Attributes.SetAttribute("role", "region");
        output.Attributes.SetAttribute("aria-label", Label);
    }
}
