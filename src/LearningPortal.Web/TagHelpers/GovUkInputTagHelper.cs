using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningPortal.Web.TagHelpers;

/// <summary>GOV.UK text input: <c>&lt;govuk-input for="Input.Email" label="Email address" type="email" autocomplete="email" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public class GovUkInputTagHelper : GovUkFieldTagHelper
{
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    /// <summary>A GOV.UK width class suffix, e.g. "20" or "one-half".</summary>
    public string? Width { get; set; }

    public string? Inputmode { get; set; }

    public bool Spellcheck { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var width = Width is null ? "" : char.IsDigit(Width[0]) ? $" govuk-input--width-{Width}" : $" govuk-!-width-{Width}";
        var error = ErrorMessage is null ? "" : " govuk-input--error";
        var value = Type == "password" ? null : CurrentValue;
        var describedBy = DescribedBy();
        var input = $"<input class=\"govuk-input{width}{error}\" id=\"{Id}\" name=\"{Encode(Name)}\" type=\"{Encode(Type)}\""
            + Attr("value", value) + Attr("autocomplete", Autocomplete) + Attr("inputmode", Inputmode)
            + (Spellcheck ? "" : " spellcheck=\"false\"") + Attr("aria-describedby", describedBy) + ">";
        Replace(output, $"<div class=\"{FormGroupClass}\">{LabelHtml()}{HintHtml()}{ErrorHtml()}{input}</div>");
    }
}
