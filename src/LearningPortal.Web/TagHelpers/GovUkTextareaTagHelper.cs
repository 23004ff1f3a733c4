using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningPortal.Web.TagHelpers;

/// <summary>GOV.UK textarea.</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public class GovUkTextareaTagHelper : GovUkFieldTagHelper
{
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = ErrorMessage is null ? "" : " govuk-textarea--error";
        var textarea = $"<textarea class=\"govuk-textarea{error}\" id=\"{Id}\" name=\"{Encode(Name)}\" rows=\"{Rows}\"{Attr("aria-describedby", DescribedBy())}>{Encode(CurrentValue)}</textarea>";
        Replace(output, $"<div class=\"{FormGroupClass}\">{LabelHtml()}{HintHtml()}{ErrorHtml()}{textarea}</div>");
    }
}
