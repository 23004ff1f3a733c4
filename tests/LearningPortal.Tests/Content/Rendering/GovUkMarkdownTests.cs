using AngleSharp.Html.Parser;
using LearningPortal.Core.Content.Rendering;

namespace LearningPortal.Tests.Content.Rendering;

public class GovUkMarkdownTests
{
    private static AngleSharp.Dom.IElement Render(string markdown, HeadingIds? ids = null, List<ContentHeading>? headings = null)
    {
        var html = GovUkMarkdown.Render(markdown, ids ?? new HeadingIds(), headings).Value;
        var doc = new HtmlParser().ParseDocument("<body><div id=\"root\">" + html + "</div></body>");
        return doc.GetElementById("root")!;
    }

    [Fact]
    public void Headings_get_govuk_classes_and_anchors_and_a_level_one_heading_becomes_level_two()
    {
        var headings = new List<ContentHeading>();
        var root = Render("# Background\n\n## Context\n\n### The sample\n\n#### Detail", headings: headings);

        Assert.Empty(root.QuerySelectorAll("h1"));
        Assert.Equal("govuk-heading-l", root.QuerySelectorAll("h2")[0].ClassName);
        Assert.Equal("background", root.QuerySelectorAll("h2")[0].Id);
        Assert.Equal("govuk-heading-l", root.QuerySelectorAll("h2")[1].ClassName);
        Assert.Equal("govuk-heading-m", root.QuerySelector("h3")!.ClassName);
        Assert.Equal("govuk-heading-s", root.QuerySelector("h4")!.ClassName);
        Assert.Equal(["background", "context", "the-sample", "detail"], headings.Select(h => h.Id));
    }

    [Fact]
    public void Paragraphs_lists_links_and_breaks_get_govuk_classes()
    {
        var root = Render("Some text with [a link](/learning) and <https://example.org>.\n\n- one\n- two\n\n1. first\n2. second\n\n---\n");

        Assert.Equal("govuk-body", root.QuerySelector("p")!.ClassName);
        Assert.All(root.QuerySelectorAll("a"), a => Assert.Equal("govuk-link", a.ClassName));
        Assert.Equal("govuk-list govuk-list--bullet", root.QuerySelector("ul")!.ClassName);
        Assert.Equal("govuk-list govuk-list--number", root.QuerySelector("ol")!.ClassName);
        Assert.Contains("govuk-section-break--visible", root.QuerySelector("hr")!.ClassName);
    }

    [Fact]
    public void Tables_get_govuk_classes_and_column_header_scopes()
    {
        var root = Render("| Grade | Audits |\n| --- | ---: |\n| Good | 1 |\n| Requires improvement | 4 |");

        Assert.Equal("govuk-table", root.QuerySelector("table")!.ClassName);
        Assert.Equal("govuk-table__head", root.QuerySelector("thead")!.ClassName);
        Assert.Equal("govuk-table__body", root.QuerySelector("tbody")!.ClassName);
        Assert.All(root.QuerySelectorAll("tr"), tr => Assert.Equal("govuk-table__row", tr.ClassName));
        Assert.All(root.QuerySelectorAll("th"), th => { Assert.Equal("govuk-table__header", th.ClassName); Assert.Equal("col", th.GetAttribute("scope")); });
        Assert.Equal(4, root.QuerySelectorAll("td.govuk-table__cell").Length);
        Assert.Null(root.QuerySelector("[style]"));
    }

    [Fact]
    public void A_quote_becomes_inset_text_and_a_details_container_becomes_a_details_component()
    {
        var root = Render("> Look at the whole history.\n\n::: details Why this was a pilot\nIt tested a new method.\n:::");

        Assert.Equal("Look at the whole history.", root.QuerySelector("div.govuk-inset-text > p.govuk-body")!.TextContent);
        Assert.Null(root.QuerySelector("blockquote"));
        var details = root.QuerySelector("details.govuk-details")!;
        Assert.Equal("Why this was a pilot", details.QuerySelector("summary.govuk-details__summary > span.govuk-details__summary-text")!.TextContent);
        Assert.Equal("It tested a new method.", details.QuerySelector("div.govuk-details__text p")!.TextContent);
    }

    [Fact]
    public void Heading_ids_are_unique_on_a_page_and_avoid_the_page_own_section_ids()
    {
        var ids = new HeadingIds();
        ids.Reserve("recommendations");
        var first = Render("## Recommendations\n\n## Background\n\n## Background", ids);
        var second = Render("## Background\n\n## Main content", ids);

        Assert.Equal(["recommendations-2", "background", "background-2"], first.QuerySelectorAll("h2").Select(h => h.Id));
        Assert.Equal(["background-3", "main-content-2"], second.QuerySelectorAll("h2").Select(h => h.Id));
    }

    [Fact]
    public void Raw_html_in_markdown_is_shown_as_text_not_markup()
    {
        var root = Render("Hello <b>bold</b> <script>alert(1)</script>");

        Assert.Null(root.QuerySelector("b"));
        Assert.Null(root.QuerySelector("script"));
        Assert.Contains("<b>bold</b>", root.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Markdown_with_an_xss_payload_renders_nothing_executable(string payload)
    {
        var root = Render($"Before\n\n{payload}\n\nAfter [ok](/learning)");

        HtmlSafety.AssertNothingExecutable(root, payload);
        Assert.NotNull(root.QuerySelector("a[href='/learning']"));
    }

    public static TheoryData<string> Payloads() => new(HtmlSafety.Payloads);
}
