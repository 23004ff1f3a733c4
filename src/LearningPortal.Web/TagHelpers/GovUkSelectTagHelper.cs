using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningPortal.Web.TagHelpers;

/// <summary>GOV.UK select. Prefer radios for fewer than about eight options.</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public class GovUkSelectTagHelper : GovUkFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Text of an empty first option, e.g. "Choose an agency".</summary>
    public string? Placeholder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = ErrorMessage is null ? "" : " govuk-select--error";
        var current = CurrentValue;
        var options = (Placeholder is null ? "" : $"<option value=\"\">{Encode(Placeholder)}</option>")
            + string.Concat(Items.Select(i =>
                $"<option value=\"{Encode(i.Value)}\"{(i.Value == current ? " selected" : "")}>{Encode(i.Text)}</option>"));
        var select = $"<select class=\"govuk-select{error}\" id=\"{Id}\" name=\"{Encode(Name)}\"{Attr("aria-describedby", DescribedBy())}>{options}</select>";
        Replace(output, $"<div class=\"{FormGroupClass}\">{LabelHtml()}{HintHtml()}{ErrorHtml()}{select}</div>");
    }
}
