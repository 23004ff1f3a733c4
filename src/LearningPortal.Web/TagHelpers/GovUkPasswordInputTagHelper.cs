using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningPortal.Web.TagHelpers;

/// <summary>GOV.UK password input with a show/hide button; never echoes the value back.</summary>
[HtmlTargetElement("govuk-password-input", TagStructure = TagStructure.WithoutEndTag)]
public class GovUkPasswordInputTagHelper : GovUkFieldTagHelper
{
    public string Autocomplete { get; set; } = "current-password";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = ErrorMessage is null ? "" : " govuk-input--error";
        var input = $"<input class=\"govuk-input govuk-password-input__input govuk-js-password-input-input{error}\" id=\"{Id}\" name=\"{Encode(Name)}\" type=\"password\" spellcheck=\"false\" autocapitalize=\"none\""
            + Attr("autocomplete", Autocomplete) + Attr("aria-describedby", DescribedBy()) + ">";
        var button = $"<button type=\"button\" class=\"govuk-button govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle\" data-module=\"govuk-button\" aria-controls=\"{Id}\" aria-label=\"Show password\" hidden>Show</button>";
        Replace(output, $"<div class=\"{FormGroupClass} govuk-password-input\" data-module=\"govuk-password-input\">{LabelHtml()}{HintHtml()}{ErrorHtml()}<div class=\"govuk-input__wrapper govuk-password-input__wrapper\">{input}{button}</div></div>");
    }
}
