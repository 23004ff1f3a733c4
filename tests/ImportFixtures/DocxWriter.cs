using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace LearningPortal.Tests.ImportFixtures;

/// <summary>
/// Writes a fixture as a .docx with DocumentFormat.OpenXml, the way briefings are made in Word: headings as Heading
/// styles or as bold, larger text typed by hand; lists with Word numbering (a fresh number sequence per list); links
/// as hyperlink relationships; simple tables.
/// </summary>
public static class DocxWriter
{
    public const string RevisedSentence = "Comments on this briefing were agreed by every agency in the partnership.";

    /// <param name="revisions">Adds a paragraph with a tracked insertion, a tracked deletion and a comment.</param>
    public static byte[] Write(ImportFixture fixture, bool revisions = false, WordprocessingDocumentType type = WordprocessingDocumentType.Document)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, type))
        {
            var main = word.AddMainDocumentPart();
            AddStyles(main);
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                AbstractList(0, NumberFormatValues.Bullet),
                AbstractList(1, NumberFormatValues.Decimal),
                new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 });
            var body = new Body();
            var nextList = 2;
            var listId = 0;
            FixtureKind? previous = null;
            foreach (var block in fixture.Blocks)
            {
                if (block.Kind == FixtureKind.Numbered && previous is not FixtureKind.Numbered and not FixtureKind.Bullet)
                {
                    // Each numbered list starts again at 1, as Word does for a new list.
                    listId = nextList++;
                    numbering.Numbering.Append(new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = listId });
                }

                body.Append(block.Kind switch
                {
                    FixtureKind.Heading => Heading(block, fixture.StyledHeadings),
                    FixtureKind.Table => Table(block, main),
                    FixtureKind.Image => Picture(block.Png!, main),
                    FixtureKind.Bullet => Paragraph(block, main, block.Depth > 0 && listId > 1 ? listId : 1, block.Depth),
                    FixtureKind.Numbered => Paragraph(block, main, listId, 0),
                    _ => Paragraph(block, main, null, 0),
                });
                previous = block.Kind;
            }

            if (revisions)
            {
                body.Append(new Paragraph(
                    new Run(new Text("Comments on this briefing were ") { Space = SpaceProcessingModeValues.Preserve }),
                    new DeletedRun(new Run(new DeletedText("never ") { Space = SpaceProcessingModeValues.Preserve })) { Id = "1", Author = "Reviewer" },
                    new Run(new Text("agreed by every agency") { Space = SpaceProcessingModeValues.Preserve }),
                    new InsertedRun(new Run(new Text(" in the partnership") { Space = SpaceProcessingModeValues.Preserve })) { Id = "2", Author = "Reviewer" },
                    new CommentRangeStart { Id = "0" },
                    new Run(new Text(".")),
                    new CommentRangeEnd { Id = "0" },
                    new Run(new CommentReference { Id = "0" })));
                var comments = main.AddNewPart<WordprocessingCommentsPart>();
                comments.Comments = new Comments(new Comment(new Paragraph(new Run(new Text("Secret reviewer remark")))) { Id = "0", Author = "Reviewer" });
            }

            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Paragraph Heading(FixtureBlock block, bool styled)
    {
        if (styled)
        {
            return new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{block.Level}" }), new Run(new Text(block.Plain)));
        }

        var size = block.Level switch { 1 => "40", 2 => "30", _ => "27" };
        return new Paragraph(new Run(new RunProperties(new Bold(), new FontSize { Val = size }), new Text(block.Plain)));
    }

    private static Paragraph Paragraph(FixtureBlock block, MainDocumentPart main, int? list, int depth)
    {
        var paragraph = new Paragraph();
        if (list is { } id)
        {
            paragraph.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = depth }, new NumberingId { Val = id })));
        }

        foreach (var (text, bold, link) in block.Runs())
        {
            var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
            if (bold)
            {
                run.PrependChild(new RunProperties(new Bold()));
            }

            if (link is not null)
            {
                var relationship = main.AddHyperlinkRelationship(new Uri(link, UriKind.RelativeOrAbsolute), true);
                paragraph.Append(new Hyperlink(run) { Id = relationship.Id });
            }
            else
            {
                paragraph.Append(run);
            }
        }

        return paragraph;
    }

    /// <summary>A paragraph holding one inline picture, as Word inserts it: an image part and a DrawingML picture.</summary>
    private static Paragraph Picture(byte[] png, MainDocumentPart main)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png))
        {
            part.FeedData(data);
        }

        var id = (uint)main.ImageParts.Count();
        var name = $"Picture {id}";
        // 2 by 1.5 inches, in EMUs.
        const long Cx = 1828800L, Cy = 1371600L;
        var graphic = new A.Graphic(new A.GraphicData(new PIC.Picture(
            new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = name + ".png" }, new PIC.NonVisualPictureDrawingProperties()),
            new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
            new PIC.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = Cx, Cy = Cy }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
        { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" });
        var inline = new DW.Inline(
            new DW.Extent { Cx = Cx, Cy = Cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            graphic)
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        return new Paragraph(new Run(new Drawing(inline)));
    }

    private static Table Table(FixtureBlock block, MainDocumentPart main)
    {
        var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single }, new BottomBorder { Val = BorderValues.Single })));
        foreach (var row in block.Rows!)
        {
            table.Append(new TableRow(row.Select(cell => new TableCell(Paragraph(new FixtureBlock(FixtureKind.Paragraph, cell), main, null, 0)))));
        }

        return table;
    }

    private static AbstractNum AbstractList(int id, NumberFormatValues top) => new(
        Enumerable.Range(0, 3).Select(level => new Level(
            new NumberingFormat { Val = level == 0 ? top : NumberFormatValues.Bullet },
            new LevelText { Val = level == 0 && top == NumberFormatValues.Decimal ? "%1." : "•" },
            new PreviousParagraphProperties(new Indentation { Left = (720 * (level + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "360" }))
        { LevelIndex = level }))
    { AbstractNumberId = id };

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }, new StyleRunProperties(new FontSize { Val = "22" })) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            HeadingStyle(1, "40"),
            HeadingStyle(2, "30"),
            HeadingStyle(3, "27"));
    }

    private static Style HeadingStyle(int level, string size) => new(
        new StyleName { Val = $"heading {level}" },
        new BasedOn { Val = "Normal" },
        new StyleParagraphProperties(new OutlineLevel { Val = level - 1 }),
        new StyleRunProperties(new Bold(), new FontSize { Val = size }))
    { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" };
}
