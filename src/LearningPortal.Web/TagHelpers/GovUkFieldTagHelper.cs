using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningPortal.Web.TagHelpers;

/// <summary>
/// What every GOV.UK form field shares: a model expression, a label or legend, a hint, the error message
/// from ModelState and the value to show again (what the user typed, when the form comes back with errors).
/// </summary>
public abstract class GovUkFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeName("label")]
    public string Label { get; set; } = "";

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>Makes the label the page's h1 (one question per page).</summary>
    [HtmlAttributeName("is-page-heading")]
    public bool IsPageHeading { get; set; }

    /// <summary>Extra classes for the label, e.g. govuk-label--m.</summary>
    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    protected string Name => For.Name;

    /// <summary>Records the field's place on the page for the error summary, which lists errors in that order.</summary>
    public override void Init(TagHelperContext context) => FieldOrder.Record(ViewContext, For.Name);

    protected string Id => TagBuilder.CreateSanitizedId(For.Name, "-");

    protected string HintId => Id + "-hint";

    protected string ErrorId => Id + "-error";

    protected string? ErrorMessage =>
        ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.ValidationState == ModelValidationState.Invalid
            ? entry.Errors.Select(e => e.ErrorMessage).FirstOrDefault(m => !string.IsNullOrEmpty(m))
            : null;

    /// <summary>The attempted value when the form failed validation, otherwise the model's value.</summary>
    protected string? CurrentValue
    {
        get
        {
            if (ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null)
            {
                return entry.AttemptedValue;
            }

            return For.Model switch
            {
                null => null,
                DateTime d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                var v => v.ToString(),
            };
        }
    }

    /// <summary>The values of a multi-valued field (checkboxes).</summary>
    protected IReadOnlyCollection<string> CurrentValues
    {
        get
        {
            if (ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null)
            {
                return entry.RawValue switch
                {
                    string[] many => many,
                    string one => [one],
                    _ => [],
                };
            }

            return For.Model is System.Collections.IEnumerable e and not string
                ? e.Cast<object?>().Select(o => o?.ToString() ?? "").ToArray()
                : CurrentValue is { } v ? [v] : [];
        }
    }

    protected string DescribedBy(params string?[] extra)
    {
        var ids = new List<string>();
        if (!string.IsNullOrEmpty(Hint))
        {
            ids.Add(HintId);
        }

        if (ErrorMessage is not null)
        {
            ids.Add(ErrorId);
        }

        ids.AddRange(extra.Where(x => !string.IsNullOrEmpty(x))!);
        return string.Join(' ', ids);
    }

    protected static string Encode(string? s) => HtmlEncoder.Default.Encode(s ?? "");

    protected string LabelHtml()
    {
        var classes = "govuk-label" + (LabelClass is null ? (IsPageHeading ? " govuk-label--l" : "") : " " + LabelClass);
        var label = $"<label class=\"{classes}\" for=\"{Id}\">{Encode(Label)}</label>";
        return IsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label;
    }

    protected string HintHtml() =>
        string.IsNullOrEmpty(Hint) ? "" : $"<div id=\"{HintId}\" class=\"govuk-hint\">{Encode(Hint)}</div>";

    protected string ErrorHtml() =>
        ErrorMessage is { } message
            ? $"<p id=\"{ErrorId}\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encode(message)}</p>"
            : "";

    protected string FormGroupClass => "govuk-form-group" + (ErrorMessage is null ? "" : " govuk-form-group--error");

    protected static void Replace(TagHelperOutput output, string html)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(new HtmlString(html));
    }

    protected static string Attr(string name, string? value) =>
        string.IsNullOrEmpty(value) ? "" : $" {name}=\"{Encode(value)}\"";
}
