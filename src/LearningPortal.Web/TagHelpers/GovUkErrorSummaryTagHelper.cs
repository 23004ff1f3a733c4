using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningPortal.Web.TagHelpers;

/// <summary>
/// GOV.UK error summary from ModelState, placed at the top of every form's page. Each error links to its
/// field; errors not tied to a field (key "") are listed without a link. Errors are listed in the order
/// the page model declares its fields, which is the order of the form (ModelState's own order is not).
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public class GovUkErrorSummaryTagHelper : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var fieldOrder = FieldOrder(ViewContext.ViewData.ModelMetadata, "", depth: 0).Select((key, i) => (key, i)).ToDictionary(x => x.key, x => x.i + 1, StringComparer.OrdinalIgnoreCase);
        var errors = ViewContext.ModelState
            .Where(kv => kv.Value is { Errors.Count: > 0 })
            .SelectMany(kv => kv.Value!.Errors.Take(1).Select(e => (Key: kv.Key, Message: e.ErrorMessage)))
            .Where(e => !string.IsNullOrEmpty(e.Message))
            .OrderBy(e => e.Key.Length == 0 ? 0 : fieldOrder.GetValueOrDefault(e.Key, int.MaxValue))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var enc = HtmlEncoder.Default;
        var items = string.Concat(errors.Select(e => string.IsNullOrEmpty(e.Key)
            ? $"<li>{enc.Encode(e.Message)}</li>"
            : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(e.Key, "-")}\">{enc.Encode(e.Message)}</a></li>"));
        output.Content.SetHtmlContent(new HtmlString(
            "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">"
            + "<h2 class=\"govuk-error-summary__title\">There is a problem</h2>"
            + $"<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div></div>"));
    }

    /// <summary>Property paths of the model in declaration order (Input.FullName, Input.Email, ...), a few levels deep.</summary>
    private static IEnumerable<string> FieldOrder(ModelMetadata metadata, string prefix, int depth)
    {
        foreach (var property in metadata.Properties)
        {
            var key = prefix + property.PropertyName;
            yield return key;
            if (depth < 2 && property.IsComplexType && !property.IsEnumerableType)
            {
                foreach (var nested in FieldOrder(property, key + ".", depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }
}
