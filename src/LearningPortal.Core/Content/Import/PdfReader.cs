using System.Globalization;
using System.Text.RegularExpressions;
using LearningPortal.Core.Content.Media;
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
            var pictures = new List<Picture>();
            var pageCount = pdf.NumberOfPages;
            try
            {
                for (var number = 1; number <= pageCount; number++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var page = pdf.GetPage(number);
                    lines.AddRange(PageLines(page, number));
                    pictures.AddRange(PagePictures(page, number));
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

            var images = Images(pictures, pageCount, limits, notes, cancellationToken);
            var title = pdf.Information.Title;
            return new ReadDocument(Blocks(lines.Where(l => !l.Removed).ToList(), images.Placed, cancellationToken), string.IsNullOrWhiteSpace(title) ? null : title.Trim(), images.Images, notes);
        }
    }

    private sealed record Word(string Text, bool Bold, string? Link, double Left, double Right);

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

    /// <summary>An image on a page, not yet decoded.</summary>
    private sealed record Picture(int Page, double Top, double Bottom, double PageHeight, IPdfImage Image);

    /// <summary>A decoded image, by its number, and where it goes among the lines.</summary>
    private sealed record Placed(int Number, int Page, double Top);

    private static IEnumerable<Picture> PagePictures(Page page, int number)
    {
        List<IPdfImage> found;
        try
        {
            found = [.. page.GetImages()];
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // An image PdfPig cannot parse is left out, never the page's text.
            yield break;
        }

        foreach (var image in found)
        {
            // Rules, bullets and spacers drawn as tiny images are not pictures anyone would describe.
            if (image.BoundingBox.Width < 24 || image.BoundingBox.Height < 24 || image.WidthInSamples < 16 || image.HeightInSamples < 16)
            {
                continue;
            }

            yield return new Picture(number, image.BoundingBox.Top, image.BoundingBox.Bottom, page.Height, image);
        }
    }

    /// <summary>
    /// Decodes the pictures worth offering, in reading order: PNG (PdfPig re-encodes most images) or the JPEG as stored;
    /// a logo repeated in the top or bottom margin of most pages is left out like the running header it belongs to.
    /// </summary>
    private static (List<ImportImage> Images, List<Placed> Placed) Images(List<Picture> pictures, int pageCount, ImportLimits limits, List<string> notes, CancellationToken cancellationToken)
    {
        static bool InMargin(Picture p) => p.Bottom > p.PageHeight * (1 - MarginShare * 2) || p.Top < p.PageHeight * MarginShare * 2;
        static string Shape(Picture p) => p.Image.RawMemory.Length.ToString(CultureInfo.InvariantCulture) + ":" + p.Image.WidthInSamples.ToString(CultureInfo.InvariantCulture) + "x" + p.Image.HeightInSamples.ToString(CultureInfo.InvariantCulture);
        var repeated = pictures.Where(InMargin).GroupBy(Shape).Where(g => pageCount > 1 && g.Select(p => p.Page).Distinct().Count() >= Math.Max(2, pageCount / 2))
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var images = new List<ImportImage>();
        var placed = new List<Placed>();
        var leftOut = 0;
        var unreadable = 0;
        long bytes = 0;
        foreach (var picture in pictures.Where(p => !(InMargin(p) && repeated.Contains(Shape(p)))).OrderBy(p => p.Page).ThenByDescending(p => p.Top))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (images.Count >= limits.MaxImages)
            {
                leftOut++;
                continue;
            }

            byte[]? data = null;
            try
            {
                data = picture.Image.TryGetPng(out var png) ? png : picture.Image.RawMemory.ToArray();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Undecodable image data: counted below.
            }

            var type = data is null ? null : MediaTypes.Sniff(new MemoryStream(data, writable: false), "image");
            if (type is null || !type.ContentType.StartsWith("image/", StringComparison.Ordinal))
            {
                unreadable++;
                continue;
            }

            if (bytes + data!.LongLength > limits.MaxImageBytes)
            {
                leftOut++;
                continue;
            }

            bytes += data.LongLength;
            var number = images.Count + 1;
            images.Add(new ImportImage(number, $"image-{number}{type.Extension}", type.ContentType, data));
            placed.Add(new Placed(number, picture.Page, picture.Top));
        }

        if (leftOut > 0)
        {
            notes.Add($"{leftOut} more {(leftOut == 1 ? "image was" : "images were")} left out: only the first {limits.MaxImages} images, up to {limits.MaxImageBytes / (1024 * 1024)} MB in all, are offered.");
        }

        if (unreadable > 0)
        {
            notes.Add($"{unreadable} {(unreadable == 1 ? "image" : "images")} in the PDF could not be read as PNG or JPEG and {(unreadable == 1 ? "was" : "were")} left out: add {(unreadable == 1 ? "it" : "them")} from the media library.");
        }

        return (images, placed);
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
                links.FirstOrDefault(l => Contains(l.Bounds, w.BoundingBox)).Uri,
                w.BoundingBox.Left,
                w.BoundingBox.Right)).ToList();
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

    private static List<ImportBlock> Blocks(List<Line> lines, List<Placed> pictures, CancellationToken cancellationToken)
    {
        var blocks = new List<ImportBlock>();
        if (lines.Count == 0)
        {
            return blocks;
        }

        var nextPicture = 0;

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
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            cancellationToken.ThrowIfCancellationRequested();
            // An image above this line (on this page or an earlier one) comes first, where it stood.
            if (nextPicture < pictures.Count && (pictures[nextPicture].Page < line.Page || (pictures[nextPicture].Page == line.Page && pictures[nextPicture].Top > line.Top)))
            {
                Flush();
                while (nextPicture < pictures.Count && (pictures[nextPicture].Page < line.Page || (pictures[nextPicture].Page == line.Page && pictures[nextPicture].Top > line.Top)))
                {
                    blocks.Add(ImportBlock.Image(pictures[nextPicture].Number, pictures[nextPicture].Page));
                    nextPicture++;
                }

                currentKind = BlockKind.Paragraph;
                previous = null;
            }

            if (line.Size < bodySize * 1.15 && Table(lines, index) is { } table)
            {
                Flush();
                blocks.Add(table.Block);
                currentKind = BlockKind.Paragraph;
                listLeft = null;
                index += table.Lines - 1;
                previous = lines[index];
                continue;
            }

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
        blocks.AddRange(pictures.Skip(nextPicture).Select(p => ImportBlock.Image(p.Number, p.Page)));
        return blocks;
    }

    /// <summary>
    /// A simple table starting at <paramref name="start"/>: two or more lines in a row whose words fall into the same
    /// two or more columns, separated by wide gaps (a PDF has no table, only text placed at the columns' edges). A
    /// shorter line close under a row whose words each fit inside a column continues that row's cells (text wrapped in a
    /// cell). The first row is the header, as in a Word table.
    /// </summary>
    private static (ImportBlock Block, int Lines)? Table(List<Line> lines, int start)
    {
        var first = lines[start];
        var header = Segments(first);
        if (header.Count < 2 || Bullet().IsMatch(first.Text) || Number().IsMatch(first.Text))
        {
            return null;
        }

        var tolerance = first.Size * 0.6;
        var lefts = header.Select(s => s[0].Left).ToList();
        // The column a segment falls in, if it starts inside one and does not run into the next.
        int? Column(List<Word> segment)
        {
            var left = segment[0].Left;
            var column = lefts.FindLastIndex(l => l - tolerance <= left);
            return column < 0 || (column + 1 < lefts.Count && segment[^1].Right > lefts[column + 1] - (tolerance / 2)) ? null : column;
        }

        var rows = new List<List<List<Word>>> { header.Select(s => new List<Word>(s)).ToList() };
        var count = 1;
        for (var i = start + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            var above = lines[i - 1];
            if (line.Page != above.Page || Math.Abs(line.Size - first.Size) >= 0.6 || above.Bottom - line.Top > line.Size * 2)
            {
                break;
            }

            var segments = Segments(line);
            var columns = segments.Select(Column).ToList();
            if (columns.Any(c => c is null) || columns.Zip(columns.Skip(1)).Any(p => p.First >= p.Second))
            {
                break;
            }

            if (segments.Count == lefts.Count)
            {
                rows.Add(segments.Select(s => new List<Word>(s)).ToList());
            }
            else if (above.Bottom - line.Top < line.Size * 0.9)
            {
                for (var s = 0; s < segments.Count; s++)
                {
                    rows[^1][columns[s]!.Value].AddRange(segments[s]);
                }
            }
            else
            {
                break;
            }

            count++;
        }

        if (rows.Count < 2)
        {
            return null;
        }

        var text = new List<string>();
        var markdownRows = new List<IReadOnlyList<string>>();
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = new List<string>();
            foreach (var cell in rows[r])
            {
                var inline = new InlineMarkdown();
                // The header row is bold already in Markdown; body cells keep their own bold.
                foreach (var run in Runs(cell, keepBold: r > 0))
                {
                    inline.Append(run.Text, run.Bold, link: run.Link);
                }

                cells.Add(inline.Markdown);
                text.Add(inline.Text);
            }

            markdownRows.Add(cells);
        }

        return (new ImportBlock(BlockKind.Table, string.Join(" ", text.Where(t => t.Length > 0)), ImportTables.Markdown(markdownRows), Page: first.Page), count);
    }

    /// <summary>A line's words in groups separated by gaps much wider than a space: the cells of a table row.</summary>
    private static List<List<Word>> Segments(Line line)
    {
        var segments = new List<List<Word>>();
        foreach (var word in line.Words)
        {
            if (segments.Count == 0 || word.Left - segments[^1][^1].Right > line.Size * 1.2)
            {
                segments.Add([word]);
            }
            else
            {
                segments[^1].Add(word);
            }
        }

        return segments;
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
