using LearningPortal.Web.Training;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningPortal.Web.TagHelpers;

/// <summary>
/// GOV.UK date input (day, month, year) for a <see cref="DateParts"/> property:
/// <c>&lt;govuk-date-input for="Input.Date" label="Date" hint="For example, 27 3 2027" /&gt;</c>.
/// The day field takes the field's id, so the error summary's link lands on it.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public class GovUkDateInputTagHelper : GovUkFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var parts = For.Model as DateParts;
        var error = ErrorMessage is null ? "" : " govuk-input--error";
        string Field(string part, string label, int? value, int width, string id)
        {
            var name = $"{Name}.{part}";
            var current = ViewContext.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is not null
                ? entry.AttemptedValue
                : value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">"
                + $"<label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{label}</label>"
                + $"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{error}\" id=\"{id}\" name=\"{Encode(name)}\" type=\"text\" inputmode=\"numeric\"{Attr("value", current)}>"
                + "</div></div>";
        }

        var legendClass = "govuk-fieldset__legend" + (LabelClass is null ? " govuk-fieldset__legend--s" : " " + LabelClass);
        var html = $"<div class=\"{FormGroupClass}\"><fieldset class=\"govuk-fieldset\" role=\"group\"{Attr("aria-describedby", DescribedBy())}>"
            + $"<legend class=\"{legendClass}\">{Encode(Label)}</legend>{HintHtml()}{ErrorHtml()}"
            + $"<div class=\"govuk-date-input\" id=\"{Id}-parts\">"
            + Field("Day", "Day", parts?.Day, 2, Id)
            + Field("Month", "Month", parts?.Month, 2, Id + "-month")
            + Field("Year", "Year", parts?.Year, 4, Id + "-year")
            + "</div></fieldset></div>";
        Replace(output, html);
    }
}
