using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LearningPortal.Web.TagHelpers;

/// <summary>
/// GOV.UK pagination for a list of numbered pages:
/// <c>&lt;govuk-pagination current-page="2" total-pages="9" page-url="@(p => Model.PageUrl(p))" /&gt;</c>.
/// Shows the first, last, current and neighbouring pages with ellipses between; nothing when there is one page.
/// </summary>
[HtmlTargetElement("govuk-pagination", TagStructure = TagStructure.WithoutEndTag)]
public class GovUkPaginationTagHelper : TagHelper
{
    private const string PreviousIcon = "<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z\"></path></svg>";
    private const string NextIcon = "<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z\"></path></svg>";

    public int CurrentPage { get; set; } = 1;

    public int TotalPages { get; set; }

    public Func<int, string> PageUrl { get; set; } = p => $"?page={p}";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (TotalPages <= 1)
        {
            output.SuppressOutput();
            return;
        }

        var current = Math.Clamp(CurrentPage, 1, TotalPages);
        var html = new System.Text.StringBuilder("<nav class=\"govuk-pagination\" aria-label=\"Pagination\">");
        if (current > 1)
        {
            html.Append($"<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(current - 1)}\" rel=\"prev\">{PreviousIcon}<span class=\"govuk-pagination__link-title\">Previous<span class=\"govuk-visually-hidden\"> page</span></span></a></div>");
        }

        html.Append("<ul class=\"govuk-pagination__list\">");
        var previous = 0;
        foreach (var page in PagesShown(current, TotalPages))
        {
            if (page > previous + 1)
            {
                html.Append("<li class=\"govuk-pagination__item govuk-pagination__item--ellipses\">&ctdot;</li>");
            }

            html.Append(page == current
                ? $"<li class=\"govuk-pagination__item govuk-pagination__item--current\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(page)}\" aria-label=\"Page {page}\" aria-current=\"page\">{page}</a></li>"
                : $"<li class=\"govuk-pagination__item\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(page)}\" aria-label=\"Page {page}\">{page}</a></li>");
            previous = page;
        }

        html.Append("</ul>");
        if (current < TotalPages)
        {
            html.Append($"<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"{Href(current + 1)}\" rel=\"next\"><span class=\"govuk-pagination__link-title\">Next<span class=\"govuk-visually-hidden\"> page</span></span>{NextIcon}</a></div>");
        }

        html.Append("</nav>");
        output.Content.SetHtmlContent(new HtmlString(html.ToString()));
    }

    private string Href(int page) => HtmlEncoder.Default.Encode(PageUrl(page));

    private static IEnumerable<int> PagesShown(int current, int total) =>
        new[] { 1, current - 1, current, current + 1, total }.Where(p => p >= 1 && p <= total).Distinct().Order();
}
