using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningPortal.Web.TagHelpers;

/// <summary>
/// The one GOV.UK date input, for any <see cref="DateInputParts"/> property:
/// <c>&lt;govuk-date-input for="Input.Date" label="Date" hint="For example, 27 3 2027" /&gt;</c>.
/// A <see cref="DateInput"/> shows day, month and year; a <see cref="MonthYearInput"/> month and year; a
/// <see cref="DateTimeInput"/> day, month, year and a time. The first box takes the field's id, so the error
/// summary's link lands on it.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public class GovUkDateInputTagHelper : GovUkFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var parts = For.Model as DateInputParts
            ?? (DateInputParts)Activator.CreateInstance(For.Metadata.ModelType.IsAbstract ? typeof(DateInput) : For.Metadata.ModelType)!;
        var error = ErrorMessage is null ? "" : " govuk-input--error";
        string Current(string part)
        {
            var name = $"{Name}.{part}";
            return ViewContext.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is not null
                ? entry.AttemptedValue
                : parts.Get(part) ?? "";
        }

        string Box(string part, int index)
        {
            var id = index == 0 ? Id : $"{Id}-{part.ToLowerInvariant()}";
            var width = part == nameof(DateInputParts.Year) ? 4 : 2;
            return "<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">"
                + $"<label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{part}</label>"
                + $"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{error}\" id=\"{id}\" name=\"{Encode(Name + "." + part)}\" type=\"text\" inputmode=\"numeric\"{Attr("value", Current(part))}>"
                + "</div></div>";
        }

        var dateParts = parts.Parts.Where(p => p != nameof(DateInputParts.Time)).ToList();
        var boxes = string.Concat(dateParts.Select(Box));
        var time = "";
        if (parts.Parts.Contains(nameof(DateInputParts.Time)))
        {
            // GOV.UK has no time component: a short text box after the date, in the same fieldset.
            var timeId = Id + "-time";
            time = "<div class=\"govuk-form-group govuk-!-margin-top-4 govuk-!-margin-bottom-0\">"
                + $"<label class=\"govuk-label\" for=\"{timeId}\">Time (UK time)</label>"
                + $"<div class=\"govuk-hint\" id=\"{timeId}-hint\">For example, 9:30am or 14:00</div>"
                + $"<input class=\"govuk-input govuk-input--width-5{error}\" id=\"{timeId}\" name=\"{Encode(Name + ".Time")}\" type=\"text\" aria-describedby=\"{timeId}-hint\"{Attr("value", Current(nameof(DateInputParts.Time)))}>"
                + "</div>";
        }

        var legendClass = "govuk-fieldset__legend" + (LabelClass is null ? " govuk-fieldset__legend--s" : " " + LabelClass);
        var html = $"<div class=\"{FormGroupClass}\"><fieldset class=\"govuk-fieldset\" role=\"group\"{Attr("aria-describedby", DescribedBy())}>"
            + $"<legend class=\"{legendClass}\">{Encode(Label)}</legend>{HintHtml()}{ErrorHtml()}"
            + $"<div class=\"govuk-date-input\" id=\"{Id}-parts\">{boxes}</div>{time}"
            + "</fieldset></div>";
        Replace(output, html);
    }
}
