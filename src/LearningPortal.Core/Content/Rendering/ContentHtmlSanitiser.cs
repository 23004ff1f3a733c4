using Ganss.Xss;

namespace LearningPortal.Core.Content.Rendering;

/// <summary>
/// The last gate before content reaches a page: an allow-list of the elements, attributes and classes the
/// Markdown renderer produces. Raw HTML, script, event attributes, style, javascript: and data: addresses,
/// frames, SVG and forms are removed whatever route they came by.
/// </summary>
public static class ContentHtmlSanitiser
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static SafeHtml Sanitise(string html) => html.Length == 0 ? SafeHtml.Empty : new SafeHtml(Sanitizer.Sanitize(html));

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "a", "strong", "em", "code", "pre", "div", "span",
                "details", "summary", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "img", "del", "sup", "sub", "abbr",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "class", "id", "href", "src", "alt", "title", "scope", "colspan", "rowspan", "start", "aria-hidden", "rel",
            },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedClasses = new HashSet<string>(StringComparer.Ordinal)
            {
                "govuk-heading-l", "govuk-heading-m", "govuk-heading-s", "govuk-body", "govuk-list", "govuk-list--bullet",
                "govuk-list--number", "govuk-link", "govuk-inset-text", "govuk-details", "govuk-details__summary",
                "govuk-details__summary-text", "govuk-details__text", "govuk-table", "govuk-table__caption", "govuk-table__head",
                "govuk-table__body", "govuk-table__row", "govuk-table__header", "govuk-table__cell", "govuk-section-break",
                "govuk-section-break--m", "govuk-section-break--visible", "govuk-warning-text", "govuk-warning-text__icon",
                "govuk-warning-text__text", "govuk-visually-hidden", "lp-content-image", "lp-code", "lp-table-wrapper",
            },
        };
        // KeepChildNodes: the text of a removed element stays (as text), so nothing an author wrote silently vanishes.
        return new HtmlSanitizer(options) { KeepChildNodes = true };
    }
}
