using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningPortal.Web.TagHelpers;

/// <summary>
/// GOV.UK radios or checkboxes in a fieldset: <c>&lt;govuk-radios for="Input.Kind" label="Legend" items="..." /&gt;</c>.
/// The label is the fieldset's legend. Item <see cref="SelectListItem.Group"/> names are ignored.
/// </summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public class GovUkChoicesTagHelper : GovUkFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Lays radios out side by side (for two short options such as yes/no).</summary>
    public bool Inline { get; set; }

    public bool Small { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var isRadios = context.TagName == "govuk-radios";
        var kind = isRadios ? "radios" : "checkboxes";
        var type = isRadios ? "radio" : "checkbox";
        var selected = CurrentValues;
        var legendClass = "govuk-fieldset__legend" + (LabelClass is null ? (IsPageHeading ? " govuk-fieldset__legend--l" : " govuk-fieldset__legend--s") : " " + LabelClass);
        var legend = IsPageHeading
            ? $"<legend class=\"{legendClass}\"><h1 class=\"govuk-fieldset__heading\">{Encode(Label)}</h1></legend>"
            : $"<legend class=\"{legendClass}\">{Encode(Label)}</legend>";
        var items = Items.Select((item, i) =>
        {
            var itemId = i == 0 ? Id : $"{Id}-{i + 1}";
            var isChecked = selected.Contains(item.Value) || (item.Selected && selected.Count == 0);
            return $"<div class=\"govuk-{kind}__item\"><input class=\"govuk-{kind}__input\" id=\"{itemId}\" name=\"{Encode(Name)}\" type=\"{type}\" value=\"{Encode(item.Value)}\"{(isChecked ? " checked" : "")}>"
                + $"<label class=\"govuk-label govuk-{kind}__label\" for=\"{itemId}\">{Encode(item.Text)}</label></div>";
        });
        var modifiers = (Inline ? $" govuk-{kind}--inline" : "") + (Small ? $" govuk-{kind}--small" : "");
        var fieldset = $"<fieldset class=\"govuk-fieldset\"{Attr("aria-describedby", DescribedBy())}>{legend}{HintHtml()}{ErrorHtml()}"
            + $"<div class=\"govuk-{kind}{modifiers}\" data-module=\"govuk-{kind}\">{string.Concat(items)}</div></fieldset>";
        Replace(output, $"<div class=\"{FormGroupClass}\">{fieldset}</div>");
    }
}
