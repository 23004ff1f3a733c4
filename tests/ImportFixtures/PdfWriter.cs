using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace LearningPortal.Tests.ImportFixtures;

/// <summary>
/// Writes a fixture as an A4 PDF with PdfPig's builder, as a word processor would print it: headings larger (and bold),
/// bullets and numbers with hanging indents, links as link annotations, a running header and "Page N of M" footer on
/// every page (which an import must remove).
/// </summary>
public static class PdfWriter
{
    private const double Left = 56;
    private const double Width = 483;
    private const double TopY = 842 - 90;
    private const double BottomY = 90;

    public static byte[] Write(ImportFixture fixture, int repeat = 1)
    {
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var pages = new List<PdfPageBuilder>();
        PdfPageBuilder page = null!;
        var y = 0d;

        void NewPage()
        {
            page = builder.AddPage(PageSize.A4);
            pages.Add(page);
            y = TopY;
        }

        void Line(IReadOnlyList<(string Text, bool Bold, string? Link)> words, double size, double x)
        {
            if (y - size < BottomY)
            {
                NewPage();
            }

            var baseline = y - size;
            foreach (var (text, isBold, link) in words)
            {
                var font = isBold ? bold : regular;
                var letters = page.AddText(text, size, new PdfPoint(x, baseline), font);
                var end = letters.Count > 0 ? letters[^1].EndBaseLine.X : x;
                if (link is not null)
                {
                    page.AddLink(link, new PdfRectangle(x, baseline - 2, end, baseline + size));
                }

                x = end + (size * 0.28);
            }

            y -= size * 1.3;
        }

        void Text(IEnumerable<(string Text, bool Bold, string? Link)> runs, double size, double x, double indent, bool allBold = false)
        {
            // Word by word, wrapped at the right margin; the first line starts at x, later lines at indent.
            var words = runs.SelectMany(r => r.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (w, r.Bold || allBold, r.Link))).ToList();
            var line = new List<(string, bool, string?)>();
            var lineX = x;
            var used = 0d;
            foreach (var word in words)
            {
                var wordWidth = (word.w.Length + 1) * size * (word.Item2 ? 0.58 : 0.53);
                if (line.Count > 0 && lineX + used + wordWidth > Left + Width)
                {
                    Line(line, size, lineX);
                    line = [];
                    used = 0;
                    lineX = indent;
                }

                line.Add(word);
                used += wordWidth;
            }

            if (line.Count > 0)
            {
                Line(line, size, lineX);
            }
        }

        NewPage();
        for (var copy = 0; copy < repeat; copy++)
        {
            var number = 0;
            FixtureKind? previous = null;
            foreach (var block in fixture.Blocks)
            {
                switch (block.Kind)
                {
                    case FixtureKind.Heading:
                        var size = block.Level switch { 1 => 20d, 2 => 15d, _ => 13d };
                        if (y - (size * 3) < BottomY)
                        {
                            NewPage();
                        }

                        y -= size * 0.4;
                        Text([(block.Plain, true, null)], size, Left, Left, allBold: true);
                        y -= size * 0.6;
                        break;
                    case FixtureKind.Bullet:
                        var bx = Left + (block.Depth * 18);
                        Line([("•", false, null)], 11, bx);
                        y += 11 * 1.3;
                        Text(block.Runs(), 11, bx + 14, bx + 14);
                        y -= 4;
                        break;
                    case FixtureKind.Numbered:
                        number = previous == FixtureKind.Numbered || previous == FixtureKind.Bullet ? number + 1 : 1;
                        Line([($"{number}.", false, null)], 11, Left);
                        y += 11 * 1.3;
                        Text(block.Runs(), 11, Left + 18, Left + 18);
                        y -= 4;
                        break;
                    case FixtureKind.Table:
                        // As a word processor prints a simple table: each cell at its column's left edge, the header in bold.
                        var columns = block.Rows!.Max(r => r.Count);
                        for (var r = 0; r < block.Rows!.Count; r++)
                        {
                            if (y - 11 < BottomY)
                            {
                                NewPage();
                            }

                            for (var c = 0; c < block.Rows[r].Count; c++)
                            {
                                page.AddText(block.Rows[r][c], 11, new PdfPoint(Left + (c * Width / columns), y - 11), r == 0 ? bold : regular);
                            }

                            y -= 11 * 1.6;
                        }

                        y -= 10;
                        break;
                    case FixtureKind.Image:
                        // Placed as a word processor prints an inline picture: its own line, at the left margin, 144 by 108 points.
                        if (y - 108 < BottomY)
                        {
                            NewPage();
                        }

                        page.AddPng(block.Png!, new PdfRectangle(Left, y - 108, Left + 144, y));
                        y -= 108 + 12;
                        break;
                    default:
                        Text(block.Runs(), 11, Left, Left);
                        y -= 10;
                        break;
                }

                previous = block.Kind == FixtureKind.Paragraph && previous == FixtureKind.Numbered && fixture.Pairs.Count > 0 ? FixtureKind.Numbered : block.Kind;
            }
        }

        for (var i = 0; i < pages.Count; i++)
        {
            if (fixture.RunningHeader.Length > 0)
            {
                pages[i].AddText(fixture.RunningHeader, 8, new PdfPoint(Left, 842 - 40), regular);
            }

            pages[i].AddText($"Page {i + 1} of {pages.Count}", 8, new PdfPoint(Left + Width - 60, 36), regular);
        }

        return builder.Build();
    }

    /// <summary>A PDF whose pages carry only drawn shapes, like a scan: no text at all.</summary>
    public static byte[] Scanned(int pages = 2)
    {
        var builder = new PdfDocumentBuilder();
        for (var i = 0; i < pages; i++)
        {
            var page = builder.AddPage(PageSize.A4);
            for (var line = 0; line < 30; line++)
            {
                page.DrawRectangle(new PdfPoint(56, 760 - (line * 22)), 300 + (line * 7 % 150), 8, 1, fill: true);
            }
        }

        return builder.Build();
    }

    /// <summary>A PDF with many pages of ordinary text.</summary>
    public static byte[] Pages(int count)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var i = 0; i < count; i++)
        {
            builder.AddPage(PageSize.A4).AddText($"Page {i + 1} of a very long annual report on neglect.", 11, new PdfPoint(56, 700), font);
        }

        return builder.Build();
    }
}
