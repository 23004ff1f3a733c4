using System.Text;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LearningPortal.Core.Content.Rendering;

/// <summary>
/// Markdown to HTML in GOV.UK Design System markup: headings govuk-heading-l/m/s (a "#" heading becomes an
/// h2, as the page title is the only h1), paragraphs govuk-body, lists govuk-list, tables govuk-table with
/// header scopes, links govuk-link, "&gt;" quotes as inset text, "::: details Summary" as a details
/// component, heading anchors. Raw HTML in the Markdown is not passed through (it shows as text), and the
/// result goes through <see cref="ContentHtmlSanitiser"/> anyway.
/// </summary>
public static class GovUkMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseCustomContainers()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    /// <summary>Renders Markdown to sanitised HTML. Heading ids are unique within <paramref name="ids"/> (one per page).</summary>
    public static SafeHtml Render(string? markdown, HeadingIds ids, ICollection<ContentHeading>? headings = null)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return SafeHtml.Empty;
        }

        var document = Markdown.Parse(markdown, Pipeline);
        Decorate(document, ids, headings);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlTableRenderer>(new GovUkTableRenderer());
        renderer.ObjectRenderers.Replace<HtmlCustomContainerRenderer>(new GovUkContainerRenderer());
        renderer.ObjectRenderers.Replace<QuoteBlockRenderer>(new GovUkInsetRenderer());
        renderer.ObjectRenderers.Replace<ThematicBreakRenderer>(new GovUkBreakRenderer());
        renderer.Render(document);
        writer.Flush();
        return ContentHtmlSanitiser.Sanitise(writer.ToString());
    }

    /// <summary>
    /// The words of some Markdown without its markup (no "**", "##", "&gt;" or link addresses), one block a
    /// line: what search indexes and shows in snippets.
    /// </summary>
    public static string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var text = Markdown.ToPlainText(markdown, Pipeline);
        return string.Join('\n', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    private static void Decorate(MarkdownDocument document, HeadingIds ids, ICollection<ContentHeading>? headings)
    {
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HeadingBlock heading:
                    // The page owns h1; content headings start at h2.
                    heading.Level = Math.Clamp(heading.Level, 2, 6);
                    var text = PlainText(heading.Inline);
                    var id = ids.Next(text);
                    var attributes = heading.GetAttributes();
                    attributes.Id = id;
                    attributes.AddClass(heading.Level switch { 2 => "govuk-heading-l", 3 => "govuk-heading-m", _ => "govuk-heading-s" });
                    headings?.Add(new ContentHeading(heading.Level, id, text));
                    break;
                case ParagraphBlock paragraph:
                    paragraph.GetAttributes().AddClass("govuk-body");
                    break;
                case ListBlock list:
                    list.GetAttributes().AddClass("govuk-list");
                    list.GetAttributes().AddClass(list.IsOrdered ? "govuk-list--number" : "govuk-list--bullet");
                    break;
                case LinkInline { IsImage: true } image:
                    image.GetAttributes().AddClass("lp-content-image");
                    break;
                case LinkInline link:
                    link.GetAttributes().AddClass("govuk-link");
                    break;
                case AutolinkInline autolink:
                    autolink.GetAttributes().AddClass("govuk-link");
                    break;
                case FencedCodeBlock or CodeBlock:
                    ((Block)node).GetAttributes().AddClass("lp-code");
                    break;
            }
        }
    }

    private static string PlainText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var sb = new StringBuilder();
        foreach (var child in inline.Descendants())
        {
            switch (child)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
            }
        }

        return sb.ToString().Trim();
    }

    private sealed class GovUkTableRenderer : HtmlObjectRenderer<Table>
    {
        protected override void Write(HtmlRenderer renderer, Table table)
        {
            renderer.EnsureLine();
            renderer.Write("<table class=\"govuk-table\">").WriteLine();
            var inHead = false;
            var inBody = false;
            foreach (var rowObject in table)
            {
                var row = (TableRow)rowObject;
                if (row.IsHeader && !inHead && !inBody)
                {
                    renderer.WriteLine("<thead class=\"govuk-table__head\">");
                    inHead = true;
                }
                else if (!row.IsHeader && !inBody)
                {
                    if (inHead)
                    {
                        renderer.WriteLine("</thead>");
                        inHead = false;
                    }

                    renderer.WriteLine("<tbody class=\"govuk-table__body\">");
                    inBody = true;
                }

                renderer.WriteLine("<tr class=\"govuk-table__row\">");
                foreach (var cellObject in row)
                {
                    var cell = (TableCell)cellObject;
                    renderer.Write(row.IsHeader ? "<th scope=\"col\" class=\"govuk-table__header\">" : "<td class=\"govuk-table__cell\">");
                    // A cell holds one paragraph; write its inlines so the cell has no stray <p>.
                    foreach (var block in cell)
                    {
                        if (block is ParagraphBlock { Inline: { } inline })
                        {
                            renderer.WriteChildren(inline);
                        }
                        else
                        {
                            renderer.Write(block);
                        }
                    }

                    renderer.WriteLine(row.IsHeader ? "</th>" : "</td>");
                }

                renderer.WriteLine("</tr>");
            }

            renderer.WriteLine(inHead ? "</thead>" : inBody ? "</tbody>" : "");
            renderer.WriteLine("</table>");
        }
    }

    private sealed class GovUkContainerRenderer : HtmlObjectRenderer<CustomContainer>
    {
        protected override void Write(HtmlRenderer renderer, CustomContainer container)
        {
            renderer.EnsureLine();
            if (string.Equals(container.Info, "details", StringComparison.OrdinalIgnoreCase))
            {
                var summary = string.IsNullOrWhiteSpace(container.Arguments) ? "More information" : container.Arguments.Trim();
                renderer.Write("<details class=\"govuk-details\"><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">")
                    .WriteEscape(summary)
                    .WriteLine("</span></summary><div class=\"govuk-details__text\">");
                renderer.WriteChildren(container);
                renderer.WriteLine("</div></details>");
            }
            else if (string.Equals(container.Info, "inset", StringComparison.OrdinalIgnoreCase))
            {
                renderer.WriteLine("<div class=\"govuk-inset-text\">");
                renderer.WriteChildren(container);
                renderer.WriteLine("</div>");
            }
            else
            {
                // Unknown containers keep their content and lose the wrapper.
                renderer.WriteChildren(container);
            }
        }
    }

    private sealed class GovUkInsetRenderer : HtmlObjectRenderer<QuoteBlock>
    {
        protected override void Write(HtmlRenderer renderer, QuoteBlock quote)
        {
            renderer.EnsureLine();
            renderer.WriteLine("<div class=\"govuk-inset-text\">");
            renderer.WriteChildren(quote);
            renderer.WriteLine("</div>");
        }
    }

    private sealed class GovUkBreakRenderer : HtmlObjectRenderer<ThematicBreakBlock>
    {
        protected override void Write(HtmlRenderer renderer, ThematicBreakBlock block) =>
            renderer.WriteLine("<hr class=\"govuk-section-break govuk-section-break--m govuk-section-break--visible\">");
    }
}

/// <summary>Gives headings on one page unique, readable ids ("areas-for-development", "background-2"), avoiding the layout's own ids.</summary>
public sealed class HeadingIds
{
    private static readonly HashSet<string> LayoutIds = new(StringComparer.Ordinal) { "main-content", "navigation", "content", "feedback", "versions", "contents" };
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    /// <summary>Reserves an id the page itself uses (e.g. a section heading).</summary>
    public void Reserve(string id) => used.Add(id);

    public string Next(string text)
    {
        var stem = Fields.Slugs.FromTitle(text);
        if (stem == "untitled" || char.IsDigit(stem[0]))
        {
            stem = "section-" + stem;
        }

        var id = stem;
        for (var n = 2; used.Contains(id) || LayoutIds.Contains(id); n++)
        {
            id = $"{stem}-{n}";
        }

        used.Add(id);
        return id;
    }
}
