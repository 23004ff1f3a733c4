using System.IO.Compression;
using System.Xml;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LearningPortal.Core.Content.Media;
using A = DocumentFormat.OpenXml.Drawing;

namespace LearningPortal.Core.Content.Import;

/// <summary>
/// Reads a Word document (.docx) into blocks with DocumentFormat.OpenXml. Headings come from heading styles or outline
/// levels, else from short paragraphs that are all bold or clearly larger than the body text. Lists come from Word's
/// numbering (bullets or numbers). Tracked changes are read as accepted (insertions kept, deletions dropped); comments,
/// footnotes, headers and footers are not read.
/// </summary>
public static partial class WordReader
{
    public static ReadDocument Read(Stream content, ImportLimits limits, CancellationToken cancellationToken)
    {
        CheckPackage(content, limits);
        WordprocessingDocument word;
        try
        {
            word = WordprocessingDocument.Open(content, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or XmlException or InvalidOperationException or ArgumentException)
        {
            throw new ImportRefusedException(ImportMessages.Damaged("Word document"));
        }

        using (word)
        {
            if (word.DocumentType is WordprocessingDocumentType.MacroEnabledDocument or WordprocessingDocumentType.MacroEnabledTemplate)
            {
                throw new ImportRefusedException(ImportMessages.MacroEnabled);
            }

            var main = word.MainDocumentPart;
            var body = main?.Document?.Body;
            if (main is null || body is null)
            {
                throw new ImportRefusedException(ImportMessages.Damaged("Word document"));
            }

            try
            {
                return new Walker(main, limits, cancellationToken).Walk(body, word.PackageProperties.Title);
            }
            catch (Exception e) when (e is XmlException or InvalidDataException or OpenXmlPackageException)
            {
                throw new ImportRefusedException(ImportMessages.Damaged("Word document"));
            }
        }
    }

    /// <summary>Refuses macros and oversized parts before the SDK expands anything.</summary>
    private static void CheckPackage(Stream content, ImportLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                throw new ImportRefusedException(ImportMessages.MacroEnabled);
            }

            if (zip.Entries.Sum(e => e.Length) > limits.MaxDocumentPartBytes * 2 || zip.Entries.Any(e => e.Length > limits.MaxDocumentPartBytes))
            {
                throw new ImportRefusedException(ImportMessages.TooBig);
            }
        }
        catch (InvalidDataException)
        {
            throw new ImportRefusedException(ImportMessages.Damaged("Word document"));
        }
        finally
        {
            content.Position = 0;
        }
    }

    private sealed class Walker(MainDocumentPart main, ImportLimits limits, CancellationToken cancellationToken)
    {
        private readonly List<ImportBlock> blocks = [];
        private readonly List<ImportImage> images = [];
        private readonly Dictionary<string, (string Name, int? Outline, bool Bold, int? Size)> styles = ReadStyles(main);
        private int characters;
        private int insertions;
        private int deletions;
        private int comments;
        private int imagesLeftOut;
        private int imagesUnreadable;
        private long imageBytes;
        private readonly List<int> pendingImages = [];
        private int bodySize;

        public ReadDocument Walk(Body body, string? title)
        {
            bodySize = BodySize(body);
            foreach (var element in body.ChildElements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Element(element);
            }

            var notes = new List<string>();
            if (insertions + deletions > 0)
            {
                notes.Add("The document has tracked changes: the text with every change accepted was used.");
            }

            if (comments > 0)
            {
                notes.Add($"The document has {comments} {(comments == 1 ? "comment" : "comments")}: comments are not imported.");
            }

            if (imagesLeftOut > 0)
            {
                notes.Add($"{imagesLeftOut} more {(imagesLeftOut == 1 ? "image was" : "images were")} left out: only the first {limits.MaxImages} images, up to {limits.MaxImageBytes / (1024 * 1024)} MB in all, are offered.");
            }

            if (imagesUnreadable > 0)
            {
                notes.Add($"{imagesUnreadable} {(imagesUnreadable == 1 ? "image is" : "images are")} not a PNG, JPEG, GIF or WebP image and {(imagesUnreadable == 1 ? "was" : "were")} left out: save {(imagesUnreadable == 1 ? "it" : "them")} as PNG and add {(imagesUnreadable == 1 ? "it" : "them")} from the media library.");
            }

            return new ReadDocument(blocks, string.IsNullOrWhiteSpace(title) ? null : title.Trim(), images, notes);
        }

        private void Element(OpenXmlElement element)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    Paragraph(paragraph);
                    break;
                case Table table:
                    Table(table);
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } sdtContent:
                    foreach (var child in sdtContent.ChildElements)
                    {
                        Element(child);
                    }

                    break;
                case InsertedRun or CustomXmlBlock:
                    foreach (var child in element.ChildElements)
                    {
                        Element(child);
                    }

                    break;
            }
        }

        private void Paragraph(Paragraph paragraph)
        {
            if (paragraph.ParagraphProperties?.ParagraphMarkRunProperties?.GetFirstChild<Deleted>() is not null && paragraph.Descendants<Text>().All(t => t.Ancestors<DeletedRun>().Any()))
            {
                deletions++;
                return;
            }

            var inline = new InlineMarkdown();
            var allBold = true;
            var maxSize = 0;
            Runs(paragraph, inline, ref allBold, ref maxSize, link: null);
            // Text boxes (at-a-glance sheets are often laid out in them) are read after their anchor paragraph.
            foreach (var box in paragraph.Descendants<TextBoxContent>().Where(b => !b.Ancestors<DocumentFormat.OpenXml.AlternateContentFallback>().Any()))
            {
                foreach (var child in box.ChildElements)
                {
                    Element(child);
                }
            }

            if (inline.IsEmpty)
            {
                FlushImages();
                return;
            }

            Count(inline.Text);
            var properties = paragraph.ParagraphProperties;
            var styleId = properties?.ParagraphStyleId?.Val?.Value;
            var style = styleId is not null && styles.TryGetValue(styleId, out var s) ? s : default;
            var outline = properties?.OutlineLevel?.Val?.Value ?? style.Outline;
            var styleName = style.Name ?? "";
            var headingLevel = HeadingStyle().Match(styleName) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                : styleName.Equals("title", StringComparison.OrdinalIgnoreCase) ? 1
                : outline is { } o and < 9 ? o + 1
                : 0;

            if (properties?.NumberingProperties is { } numbering && headingLevel == 0)
            {
                var (ordered, depth) = ListKind(numbering);
                blocks.Add(ImportBlock.Item(inline.Text, inline.Markdown, ordered, depth));
                FlushImages();
                return;
            }

            if (headingLevel == 0 && styleName.StartsWith("List ", StringComparison.OrdinalIgnoreCase))
            {
                blocks.Add(ImportBlock.Item(inline.Text, inline.Markdown, styleName.Contains("Number", StringComparison.OrdinalIgnoreCase)));
                FlushImages();
                return;
            }

            if (headingLevel == 0 && LooksLikeHeading(inline.Text, allBold || style.Bold, Math.Max(maxSize, style.Size ?? 0)))
            {
                var size = Math.Max(maxSize, style.Size ?? 0);
                headingLevel = size >= bodySize * 1.6 ? 1 : size >= bodySize * 1.3 ? 2 : 3;
            }

            blocks.Add(headingLevel > 0 ? ImportBlock.Heading(inline.Text, Math.Min(headingLevel, 6)) : ImportBlock.Paragraph(inline.Text, inline.Markdown));
            FlushImages();
        }

        /// <summary>Images met in the paragraph or table just read follow it, in order (Markdown has no images inside a table cell).</summary>
        private void FlushImages()
        {
            blocks.AddRange(pendingImages.Select(n => ImportBlock.Image(n)));
            pendingImages.Clear();
        }

        private bool LooksLikeHeading(string text, bool bold, int size)
        {
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words > 20)
            {
                return false;
            }

            // Clearly larger text is a heading even with a full stop; bold body-size text only when short and not a sentence.
            if (bodySize > 0 && size >= bodySize * 1.2)
            {
                return true;
            }

            return bold && words <= 14 && !text.EndsWith('.') && !text.EndsWith(',') && !text.EndsWith(';');
        }

        private void Runs(OpenXmlElement parent, InlineMarkdown inline, ref bool allBold, ref int maxSize, string? link)
        {
            foreach (var child in parent.ChildElements)
            {
                switch (child)
                {
                    case Run run:
                        var (runText, bold, italic, size) = RunText(run);
                        if (runText.Trim().Length > 0)
                        {
                            allBold &= bold;
                            maxSize = Math.Max(maxSize, size);
                        }

                        if (run.GetFirstChild<CommentReference>() is not null)
                        {
                            comments++;
                        }

                        inline.Append(runText, bold, italic, link);
                        break;
                    case Hyperlink hyperlink:
                        var target = hyperlink.Id?.Value is { } rid
                            ? main.HyperlinkRelationships.FirstOrDefault(r => r.Id == rid)?.Uri.OriginalString
                            : hyperlink.Anchor?.Value is { } anchor ? "#" + anchor : null;
                        Runs(hyperlink, inline, ref allBold, ref maxSize, target);
                        break;
                    case InsertedRun or MoveToRun or SimpleField or SdtRun or SdtContentRun or CustomXmlRun:
                        if (child is InsertedRun)
                        {
                            insertions++;
                        }

                        Runs(child, inline, ref allBold, ref maxSize, link);
                        break;
                    case DeletedRun or MoveFromRun:
                        deletions++;
                        break;
                }
            }
        }

        private (string Text, bool Bold, bool Italic, int Size) RunText(Run run)
        {
            var properties = run.RunProperties;
            var styleId = properties?.RunStyle?.Val?.Value;
            var style = styleId is not null && styles.TryGetValue(styleId, out var s) ? s : default;
            var bold = properties?.Bold is { } b ? b.Val?.Value ?? true : style.Bold;
            var italic = properties?.Italic is { } i && (i.Val?.Value ?? true);
            var size = int.TryParse(properties?.FontSize?.Val?.Value, out var half) ? half : style.Size ?? bodySize;
            var text = new System.Text.StringBuilder();
            foreach (var part in run.ChildElements)
            {
                switch (part)
                {
                    case Text t:
                        text.Append(t.Text);
                        break;
                    case TabChar:
                        text.Append(' ');
                        break;
                    case Break or CarriageReturn:
                        text.Append(' ');
                        break;
                    case NoBreakHyphen:
                        text.Append('-');
                        break;
                    case Drawing drawing:
                        Image(drawing);
                        break;
                }
            }

            return (text.ToString(), bold, italic, size);
        }

        private void Image(Drawing drawing)
        {
            foreach (var blip in drawing.Descendants<A.Blip>())
            {
                if (blip.Embed?.Value is not { } rid || main.GetPartById(rid) is not ImagePart part)
                {
                    continue;
                }

                if (images.Count >= limits.MaxImages)
                {
                    imagesLeftOut++;
                    continue;
                }

                using var stream = part.GetStream();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                // The type comes from the bytes, as in the media library; an EMF, a TIFF or a part that lies is left out.
                var type = MediaTypes.Sniff(copy, "image");
                if (type is null || !type.ContentType.StartsWith("image/", StringComparison.Ordinal))
                {
                    imagesUnreadable++;
                    continue;
                }

                if (imageBytes + copy.Length > limits.MaxImageBytes)
                {
                    imagesLeftOut++;
                    continue;
                }

                imageBytes += copy.Length;
                var number = images.Count + 1;
                images.Add(new ImportImage(number, $"image-{number}{type.Extension}", type.ContentType, copy.ToArray()));
                pendingImages.Add(number);
            }
        }

        private (bool Ordered, int Depth) ListKind(NumberingProperties numbering)
        {
            var depth = numbering.NumberingLevelReference?.Val?.Value ?? 0;
            var numId = numbering.NumberingId?.Val?.Value;
            var definitions = main.NumberingDefinitionsPart?.Numbering;
            var instance = definitions?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var level = definitions?.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId)
                ?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == depth);
            var format = level?.NumberingFormat?.Val?.Value;
            var ordered = format is not null && format != NumberFormatValues.Bullet && format != NumberFormatValues.None;
            return (ordered, Math.Clamp(depth, 0, 3));
        }

        private void Table(Table table)
        {
            var rows = new List<List<string>>();
            var text = new List<string>();
            foreach (var row in table.Elements<TableRow>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var cells = new List<string>();
                foreach (var cell in row.Elements<TableCell>())
                {
                    var parts = new List<string>();
                    foreach (var paragraph in cell.Elements<Paragraph>())
                    {
                        var inline = new InlineMarkdown();
                        var allBold = true;
                        var size = 0;
                        Runs(paragraph, inline, ref allBold, ref size, null);
                        if (!inline.IsEmpty)
                        {
                            parts.Add(inline.Markdown);
                            text.Add(inline.Text);
                        }
                    }

                    cells.Add(string.Join(" ", parts));
                }

                if (cells.Any(c => c.Length > 0))
                {
                    rows.Add(cells);
                }
            }

            if (rows.Count == 0)
            {
                FlushImages();
                return;
            }

            Count(string.Join(" ", text));
            blocks.Add(new ImportBlock(BlockKind.Table, string.Join(" ", text), ImportTables.Markdown(rows)));
            FlushImages();
        }

        private void Count(string text)
        {
            characters += text.Length;
            if (characters > limits.MaxCharacters)
            {
                throw new ImportRefusedException(ImportMessages.TooBig);
            }
        }

        private int BodySize(Body body)
        {
            // The size most text is set in, from the runs themselves (half-points), else the default style, else 11pt.
            var normal = (styles.TryGetValue("Normal", out var style) ? style.Size : null) ?? 22;
            var sizes = body.Descendants<Run>().Select(r => (Size: int.TryParse(r.RunProperties?.FontSize?.Val?.Value, out var v) ? v : normal, Length: r.InnerText.Length))
                .GroupBy(x => x.Size).OrderByDescending(g => g.Sum(x => x.Length)).FirstOrDefault()?.Key;
            return sizes ?? normal;
        }

        private static Dictionary<string, (string Name, int? Outline, bool Bold, int? Size)> ReadStyles(MainDocumentPart main)
        {
            var result = new Dictionary<string, (string, int?, bool, int?)>(StringComparer.Ordinal);
            var all = main.StyleDefinitionsPart?.Styles?.Elements<Style>().ToList() ?? [];
            foreach (var style in all)
            {
                if (style.StyleId?.Value is not { } id)
                {
                    continue;
                }

                // Follow basedOn a few steps so "My Heading" based on "heading 2" still counts.
                var current = style;
                int? outline = null;
                var bold = false;
                int? size = null;
                for (var i = 0; i < 5 && current is not null; i++)
                {
                    outline ??= current.StyleParagraphProperties?.OutlineLevel?.Val?.Value;
                    bold |= current.StyleRunProperties?.Bold is { } b && (b.Val?.Value ?? true);
                    size ??= int.TryParse(current.StyleRunProperties?.FontSize?.Val?.Value, out var v) ? v : null;
                    var basedOn = current.BasedOn?.Val?.Value;
                    current = basedOn is null ? null : all.FirstOrDefault(s => s.StyleId?.Value == basedOn);
                }

                result[id] = (style.StyleName?.Val?.Value ?? id, outline, bold, size);
            }

            return result;
        }
    }

    [GeneratedRegex(@"^heading\s*([1-6])$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingStyle();
}
