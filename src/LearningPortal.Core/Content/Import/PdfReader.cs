using System.Globalization;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace LearningPortal.Core.Content.Import;

/// <summary>
/// Reads a text-based PDF into blocks with PdfPig. A PDF has no structure to read, so it is inferred from the page:
/// lines clearly larger than the body text, or short lines all in bold, are headings; lines that start with a bullet or
/// a number are list items; lines close together in the same style are one paragraph. Running headers, footers and
/// page numbers (text in the top or bottom margin that repeats across pages, or is just a page number) are removed.
/// </summary>
public static partial class PdfReader
{
    private const double MarginShare = 0.09;

    public static ReadDocument Read(Stream content, ImportLimits limits, CancellationToken cancellationToken)
    {
        byte[] bytes;
        using (var copy = new MemoryStream())
        {
            content.CopyTo(copy);
            bytes = copy.ToArray();
        }

        PdfDocument pdf;
        try
        {
            pdf = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new ImportRefusedException(ImportMessages.PasswordProtected("PDF", "Adobe Acrobat or the program that made it"));
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new ImportRefusedException(ImportMessages.Damaged("PDF"));
        }

        using (pdf)
        {
            if (pdf.NumberOfPages > limits.MaxPages)
            {
                throw new ImportRefusedException(ImportMessages.TooManyPages(pdf.NumberOfPages, limits.MaxPages));
            }

            var lines = new List<Line>();
            var pageCount = pdf.NumberOfPages;
            try
            {
                for (var number = 1; number <= pageCount; number++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    lines.AddRange(PageLines(pdf.GetPage(number), number));
                    if (lines.Sum(l => l.Text.Length) > limits.MaxCharacters)
                    {
                        throw new ImportRefusedException(ImportMessages.TooBig);
                    }
                }
            }
            catch (Exception e) when (e is not ImportRefusedException and not OperationCanceledException and not OutOfMemoryException)
            {
                throw new ImportRefusedException(ImportMessages.Damaged("PDF"));
            }

            if (lines.Count == 0)
            {
                throw new ImportRefusedException(ImportMessages.NoTextInPdf);
            }

            var removed = RemoveRunningText(lines, pageCount);
            var notes = new List<string>();
            if (removed > 0)
            {
                notes.Add($"{removed} {(removed == 1 ? "line" : "lines")} of running headers, footers and page numbers {(removed == 1 ? "was" : "were")} removed.");
            }

            var title = pdf.Information.Title;
            return new ReadDocument(Blocks(lines.Where(l => !l.Removed).ToList(), cancellationToken), string.IsNullOrWhiteSpace(title) ? null : title.Trim(), [], notes);
        }
    }

    private sealed record Word(string Text, bool Bold, string? Link);

    private sealed class Line
    {
        public required List<Word> Words { get; init; }
        public required string Text { get; init; }
        public required int Page { get; init; }
        public required double Top { get; init; }
        public required double Bottom { get; init; }
        public required double Left { get; init; }
        public required double Size { get; init; }
        public required double PageHeight { get; init; }
        public bool Bold => Words.Count > 0 && Words.All(w => w.Bold || !w.Text.Any(char.IsLetterOrDigit));
        public bool Removed { get; set; }
    }

    private static IEnumerable<Line> PageLines(Page page, int number)
    {
        var links = new List<(PdfRectangle Bounds, string Uri)>();
        try
        {
            links.AddRange(page.GetHyperlinks().Where(h => !string.IsNullOrEmpty(h.Uri)).Select(h => (h.Bounds, h.Uri!)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A broken link annotation loses its link, never the page's text.
        }

        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text) && w.Letters.Count > 0).ToList();
        // Words on (nearly) the same baseline make a line; PDF y grows upwards, so the first line has the largest y.
        var groups = new List<List<UglyToad.PdfPig.Content.Word>>();
        foreach (var word in words.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            var group = groups.LastOrDefault();
            if (group is not null && Math.Abs(group[0].BoundingBox.Bottom - word.BoundingBox.Bottom) <= Math.Max(2, group[0].BoundingBox.Height * 0.3))
            {
                group.Add(word);
            }
            else
            {
                groups.Add([word]);
            }
        }

        foreach (var group in groups)
        {
            var ordered = group.OrderBy(w => w.BoundingBox.Left).ToList();
            var lineWords = ordered.Select(w => new Word(
                w.Text,
                w.Letters.Count(IsBold) * 2 > w.Letters.Count,
                links.FirstOrDefault(l => Contains(l.Bounds, w.BoundingBox)).Uri)).ToList();
            var size = ordered.SelectMany(w => w.Letters).GroupBy(l => Math.Round(l.PointSize, 1)).OrderByDescending(g => g.Count()).First().Key;
            yield return new Line
            {
                Words = lineWords,
                Text = string.Join(" ", lineWords.Select(w => w.Text)),
                Page = number,
                Top = ordered.Max(w => w.BoundingBox.Top),
                Bottom = ordered.Min(w => w.BoundingBox.Bottom),
                Left = ordered[0].BoundingBox.Left,
                Size = size,
                PageHeight = page.Height,
            };
        }
    }

    private static bool IsBold(Letter letter)
    {
        var name = letter.FontName ?? "";
        return name.Contains("Bold", StringComparison.OrdinalIgnoreCase) || name.Contains("Black", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Heavy", StringComparison.OrdinalIgnoreCase) || letter.FontDetails?.IsBold == true;
    }

    private static bool Contains(PdfRectangle outer, PdfRectangle inner)
    {
        var x = (inner.Left + inner.Right) / 2;
        var y = (inner.Bottom + inner.Top) / 2;
        return x >= outer.Left && x <= outer.Right && y >= outer.Bottom && y <= outer.Top;
    }

    /// <summary>Marks running headers, footers and page numbers; returns how many lines were marked.</summary>
    private static int RemoveRunningText(List<Line> lines, int pageCount)
    {
        static bool InMargin(Line l) => l.Top > l.PageHeight * (1 - MarginShare) || l.Bottom < l.PageHeight * MarginShare;
        static string Shape(Line l) => Digits().Replace(l.Text.ToLowerInvariant(), "#");
        var repeated = lines.Where(InMargin).GroupBy(Shape).Where(g => pageCount > 1 && g.Select(l => l.Page).Distinct().Count() >= Math.Max(2, pageCount / 2))
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var line in lines.Where(InMargin))
        {
            if (repeated.Contains(Shape(line)) || PageNumber().IsMatch(line.Text.Trim()))
            {
                line.Removed = true;
                removed++;
            }
        }

        return removed;
    }

    private static List<ImportBlock> Blocks(List<Line> lines, CancellationToken cancellationToken)
    {
        var blocks = new List<ImportBlock>();
        if (lines.Count == 0)
        {
            return blocks;
        }

        var bodySize = lines.GroupBy(l => l.Size).OrderByDescending(g => g.Sum(l => l.Text.Length)).First().Key;
        var headingSizes = lines.Where(l => l.Size >= bodySize * 1.15).Select(l => l.Size).Distinct().OrderByDescending(s => s).ToList();
        List<Line> current = [];
        BlockKind currentKind = BlockKind.Paragraph;
        var ordered = false;
        var level = 0;
        double? listLeft = null;

        void Flush()
        {
            if (current.Count == 0)
            {
                return;
            }

            var words = current.SelectMany(l => l.Words).ToList();
            if (currentKind == BlockKind.ListItem)
            {
                words = StripMarker(words);
            }

            var depth = 0;
            if (currentKind == BlockKind.ListItem)
            {
                // A list item's marker further right than the list's first marker is nested under the item before it.
                listLeft ??= current[0].Left;
                depth = current[0].Left > listLeft.Value + 8 ? 1 : 0;
            }
            else
            {
                listLeft = null;
            }

            var inline = new InlineMarkdown();
            foreach (var run in Runs(words, currentKind != BlockKind.Heading))
            {
                inline.Append(run.Text, run.Bold, link: run.Link);
            }

            if (!inline.IsEmpty)
            {
                blocks.Add(currentKind switch
                {
                    BlockKind.Heading => ImportBlock.Heading(inline.Text, level, current[0].Page),
                    BlockKind.ListItem => ImportBlock.Item(inline.Text, inline.Markdown, ordered, depth, current[0].Page),
                    _ => ImportBlock.Paragraph(inline.Text, inline.Markdown, current[0].Page),
                });
            }

            current = [];
        }

        Line? previous = null;
        foreach (var line in lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var words = line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            var bigger = line.Size >= bodySize * 1.15;
            var marker = Bullet().IsMatch(line.Text) ? 1 : Number().IsMatch(line.Text) ? 2 : 0;
            var isHeading = (bigger && words <= 20) || (line.Bold && marker != 1 && words <= 14 && !EndsSentence(line.Text) && (marker == 0 || bigger));
            var gap = previous is null ? double.MaxValue : previous.Page != line.Page ? 0 : previous.Bottom - line.Top;
            var sameStyle = previous is not null && Math.Abs(previous.Size - line.Size) < 0.6 && previous.Bold == line.Bold;
            var close = gap < line.Size * 0.9;

            if (isHeading)
            {
                var lineLevel = bigger ? Math.Min(headingSizes.IndexOf(line.Size) + 1, 3) : Math.Min(headingSizes.Count + 1, 4);
                if (!(currentKind == BlockKind.Heading && sameStyle && close && level == lineLevel && previous!.Page == line.Page))
                {
                    Flush();
                    currentKind = BlockKind.Heading;
                    level = lineLevel;
                }

                current.Add(line);
            }
            else if (marker > 0)
            {
                Flush();
                currentKind = BlockKind.ListItem;
                ordered = marker == 2;
                current.Add(line);
            }
            else
            {
                // A continuation: the next line of the same paragraph or list item (indented under the item's text).
                var continues = current.Count > 0 && currentKind != BlockKind.Heading && sameStyle
                    && (close || (previous!.Page != line.Page && !EndsSentence(previous.Text)))
                    && (currentKind != BlockKind.ListItem || line.Left > current[0].Left + 1);
                if (!continues)
                {
                    Flush();
                    currentKind = BlockKind.Paragraph;
                }

                current.Add(line);
            }

            previous = line;
        }

        Flush();
        return blocks;
    }

    private static List<Word> StripMarker(List<Word> words)
    {
        if (words.Count == 0)
        {
            return words;
        }

        var first = words[0].Text;
        if (Bullet().IsMatch(first + " ") && BulletOnly().IsMatch(first))
        {
            return words.Skip(1).ToList();
        }

        var numbered = NumberOnly().Match(first);
        return numbered.Success ? words.Skip(1).ToList() : words;
    }

    /// <summary>Consecutive words with the same boldness and link, as runs for the Markdown (headings drop their bold).</summary>
    private static IEnumerable<(string Text, bool Bold, string? Link)> Runs(List<Word> words, bool keepBold)
    {
        var i = 0;
        while (i < words.Count)
        {
            var bold = keepBold && words[i].Bold;
            var link = words[i].Link;
            var j = i;
            var parts = new List<string>();
            while (j < words.Count && (keepBold && words[j].Bold) == bold && words[j].Link == link)
            {
                parts.Add(words[j].Text);
                j++;
            }

            yield return ((i > 0 ? " " : "") + string.Join(" ", parts), bold, link);
            i = j;
        }
    }

    private static bool EndsSentence(string text) => text.TrimEnd().EndsWith('.') || text.TrimEnd().EndsWith(';') || text.TrimEnd().EndsWith(',');

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^\s*(?:[•●▪■◦○»·\u2022\u25AA\u25CF\uF0B7\uF0A7]|[-–o])\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(?:[•●▪■◦○»·\u2022\u25AA\u25CF\uF0B7\uF0A7]|[-–o])$")]
    private static partial Regex BulletOnly();

    [GeneratedRegex(@"^\s*\d{1,2}[.)]\s+")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\d{1,2}[.)]$")]
    private static partial Regex NumberOnly();
}
