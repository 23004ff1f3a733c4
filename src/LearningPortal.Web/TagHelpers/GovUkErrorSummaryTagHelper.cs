using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningPortal.Web.TagHelpers;

/// <summary>
/// GOV.UK error summary from ModelState, placed at the top of every form's page. Each error links to its
/// field; errors not tied to a field (key "") come first, without a link. Errors are listed in the order of the
/// fields on the page: the summary is written out after the page has been rendered, when every GOV.UK field
/// tag helper has recorded its place (<see cref="FieldOrder"/>). A field the tag helpers did not render falls
/// back to the order the page model declares its properties, after the rendered ones.
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
        var errors = ViewContext.ModelState
            .Where(kv => kv.Value is { Errors.Count: > 0 })
            .SelectMany(kv => kv.Value!.Errors.Take(1).Select(e => (Key: kv.Key, Message: e.ErrorMessage)))
            .Where(e => !string.IsNullOrEmpty(e.Message))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        // Written when the response is written, not now: the fields below have not been rendered yet.
        output.Content.SetHtmlContent(new Summary(errors, ViewContext));
    }

    private sealed class Summary(List<(string Key, string Message)> errors, ViewContext viewContext) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var rendered = FieldOrder.Rendered(viewContext).Select((key, i) => (key, i)).ToDictionary(x => x.key, x => x.i, StringComparer.OrdinalIgnoreCase);
            var declared = Declared(viewContext.ViewData.ModelMetadata, "", depth: 0).Select((key, i) => (key, i)).ToDictionary(x => x.key, x => x.i, StringComparer.OrdinalIgnoreCase);
            var ordered = errors
                .OrderBy(e => e.Key.Length == 0 ? 0 : 1)
                .ThenBy(e => rendered.TryGetValue(e.Key, out var r) ? r : int.MaxValue)
                .ThenBy(e => declared.TryGetValue(e.Key, out var d) ? d : int.MaxValue);
            var items = string.Concat(ordered.Select(e => string.IsNullOrEmpty(e.Key)
                ? $"<li>{encoder.Encode(e.Message)}</li>"
                : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(e.Key, "-")}\">{encoder.Encode(e.Message)}</a></li>"));
            writer.Write("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">"
                + "<h2 class=\"govuk-error-summary__title\">There is a problem</h2>"
                + $"<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div></div>");
        }

        /// <summary>Property paths of the model in declaration order (Input.FullName, Input.Email, ...), a few levels deep.</summary>
        private static IEnumerable<string> Declared(ModelMetadata metadata, string prefix, int depth)
        {
            foreach (var property in metadata.Properties)
            {
                var key = prefix + property.PropertyName;
                yield return key;
                if (depth < 2 && property.IsComplexType && !property.IsEnumerableType)
                {
                    foreach (var nested in Declared(property, key + ".", depth + 1))
                    {
                        yield return nested;
                    }
                }
            }
        }
    }
}
