using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Import;
using LearningPortal.Tests.ImportFixtures;

namespace LearningPortal.Tests.Content.Import;

/// <summary>The five fixtures, as Word and as PDF, read and mapped without a site: what lands where.</summary>
public class ImportFixtureTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var fixture in Fixtures.All)
        {
            data.Add(fixture.Name, "docx");
            data.Add(fixture.Name, "pdf");
        }

        return data;
    }

    internal static ImportProposal Import(ImportFixture fixture, string format, DocumentType? type = null)
    {
        var read = Read(fixture, format);
        return BriefingMapper.Map(read, type, $"{fixture.Name}.{format}", "/media/7/original.pdf");
    }

    internal static ReadDocument Read(ImportFixture fixture, string format)
    {
        using var stream = new MemoryStream(format == "docx" ? DocxWriter.Write(fixture) : PdfWriter.Write(fixture));
        return format == "docx" ? WordReader.Read(stream, new ImportLimits(), CancellationToken.None) : PdfReader.Read(stream, new ImportLimits(), CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_recommendation_and_question_is_found_in_order(string name, string format)
    {
        var fixture = Fixtures.ByName(name);

        var proposal = Import(fixture, format);

        var briefing = proposal.Fields as LearningBriefingFields;
        Assert.Equal(fixture.Recommendations, briefing?.Recommendations.Select(r => r.Text) ?? []);
        Assert.Equal(fixture.Questions, briefing?.Questions.Select(q => q.Text) ?? []);
        if (fixture.Pairs.Count > 0)
        {
            var pairs = briefing!.Recommendations.Select(r => r.QuestionId is { } id ? briefing.Questions.FindIndex(q => q.Id == id) : (int?)null);
            Assert.Equal(fixture.Pairs, pairs);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Nothing_in_the_document_is_dropped(string name, string format)
    {
        var fixture = Fixtures.ByName(name);

        var proposal = Import(fixture, format);

        var all = ImportScore.Normal(ImportScore.AllText(proposal));
        var texts = fixture.Blocks.Where(b => b.Kind != FixtureKind.Heading).SelectMany(b => b.Rows?.SelectMany(r => r) ?? [b.Plain]);
        Assert.All(texts, text => Assert.Contains(ImportScore.Normal(text), all, StringComparison.Ordinal));
        // Headings that are not section names are kept in the body as headings.
        Assert.All(fixture.Blocks.Where(b => b.Kind == FixtureKind.Heading && SectionHeadings.Match(b.Plain) == ImportSection.None && b.Level > 1 && !b.Plain.StartsWith("Objective", StringComparison.Ordinal)),
            heading => Assert.Contains(ImportScore.Normal(heading.Plain), ImportScore.Normal(proposal.Body), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_title_type_and_a_link_to_the_original_are_set(string name, string format)
    {
        var fixture = Fixtures.ByName(name);

        var proposal = Import(fixture, format);

        Assert.Equal(fixture.Expected["Title"], proposal.Fields.Title);
        Assert.Equal(fixture.Expected["Type"], proposal.Type.ToString());
        var linked = proposal.Fields is LearningBriefingFields b ? b.RelatedResources : proposal.Body;
        Assert.Contains("[Download the original briefing](/media/7/original.pdf)", linked, StringComparison.Ordinal);
        Assert.Contains(proposal.Sources, s => s.Key == "Title" && s.Status != FieldStatus.NotFound);
    }

    [Fact]
    public void At_least_nine_in_ten_of_the_other_fields_land_in_the_right_place()
    {
        var total = 0;
        var misses = new List<ImportMiss>();
        foreach (var fixture in Fixtures.All)
        {
            foreach (var format in new[] { "docx", "pdf" })
            {
                var (count, missed) = ImportScore.Score(fixture, format, Import(fixture, format));
                total += count;
                misses.AddRange(missed);
            }
        }

        var share = (total - misses.Count) / (double)total;
        Assert.True(share >= 0.9, $"{share:P0} landed right; missed: " + string.Join("; ", misses.Select(m => $"{m.Fixture}.{m.Format} {m.Field}: expected '{m.Expected}', got '{m.Actual}'")));
    }

    [Fact]
    public void Pdf_running_headers_footers_and_page_numbers_are_removed()
    {
        var fixture = Fixtures.AuditBriefing();

        var read = Read(fixture, "pdf");
        var proposal = Import(fixture, "pdf");

        Assert.Contains(read.Notes, n => n.Contains("running headers", StringComparison.Ordinal));
        Assert.DoesNotContain("Partnership - learning briefing", ImportScore.AllText(proposal), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"Page \d+ of \d+", ImportScore.AllText(proposal));
    }

    [Fact]
    public void Word_tracked_changes_are_read_as_accepted_and_comments_are_left_out()
    {
        using var stream = new MemoryStream(DocxWriter.Write(Fixtures.AuditBriefing(), revisions: true));

        var read = WordReader.Read(stream, new ImportLimits(), CancellationToken.None);
        var proposal = BriefingMapper.Map(read, null, "briefing.docx", null);

        Assert.Contains(DocxWriter.RevisedSentence, proposal.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("never", proposal.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret reviewer remark", ImportScore.AllText(proposal), StringComparison.Ordinal);
        Assert.Contains(read.Notes, n => n.Contains("tracked changes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("docx")]
    [InlineData("pdf")]
    public void Bold_lists_links_and_tables_come_across_as_the_editors_markdown(string format)
    {
        var proposal = Import(Fixtures.AuditBriefing(), format);
        var briefing = (LearningBriefingFields)proposal.Fields;

        Assert.StartsWith("- **Detailed referrals:** most referrals", briefing.GoodPractice, StringComparison.Ordinal);
        Assert.Contains("1. **Use the questions for reflection in supervision and team meetings.**", briefing.WhatToDoNow, StringComparison.Ordinal);
        Assert.Contains("[training pages](<https://example.org/training>)", briefing.RelatedResources, StringComparison.Ordinal);
        Assert.Contains("| Course | Length |\n| --- | --- |\n| Understanding neglect | Half a day |\n| Using the Graded Care Profile 2 | One day |", briefing.RelatedResources, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docx")]
    [InlineData("pdf")]
    public void A_table_comes_through_as_a_table_and_the_text_around_it_stays_text(string format)
    {
        var fixture = new ImportFixture
        {
            Name = "tables",
            Blocks =
            [
                F.H("Audit of neglect cases", 1),
                F.H("Findings"),
                F.P("The auditors graded each case on three measures."),
                F.T(["Measure", "Good", "Requires improvement"], ["Voice of the child", "4", "2"], ["Use of the toolkit", "1", "5"], ["Timely plans", "3", "3"]),
                F.P("Most cases required improvement in how the toolkit was used."),
                F.H("Next steps"),
                F.P("The subgroup will audit again next year."),
            ],
            Recommendations = [],
            Questions = [],
            Expected = new Dictionary<string, string>(),
        };

        var read = Read(fixture, format);

        var tables = read.Blocks.Where(b => b.Kind == BlockKind.Table).ToList();
        Assert.Single(tables);
        Assert.Equal(
            "| Measure | Good | Requires improvement |\n| --- | --- | --- |\n| Voice of the child | 4 | 2 |\n| Use of the toolkit | 1 | 5 |\n| Timely plans | 3 | 3 |",
            tables[0].Markdown);
        var paragraphs = read.Blocks.Where(b => b.Kind == BlockKind.Paragraph).Select(b => b.Text).ToList();
        Assert.Contains("The auditors graded each case on three measures.", paragraphs);
        Assert.Contains("Most cases required improvement in how the toolkit was used.", paragraphs);
        Assert.Contains("| Voice of the child | 4 | 2 |", BriefingMapper.Map(read, null, "tables." + format, null).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docx")]
    [InlineData("pdf")]
    public void Images_are_read_in_order_with_a_mark_in_the_body_where_each_stood(string format)
    {
        var read = Read(Fixtures.WithImages(), format);
        var proposal = BriefingMapper.Map(read, null, "images." + format, null);

        Assert.Equal([1, 2], read.Images.Select(i => i.Number));
        Assert.All(read.Images, i => Assert.Equal("image/png", i.ContentType));
        Assert.Equal([1, 2], ImportImages.Placeholders(proposal.Body));
        Assert.Matches(@"rose steadily over three years\.\n\n!\[Image 1\]\(import-image:1\)\n\nMost of the rise", proposal.Body);
        Assert.Matches(@"business unit with any questions\.\n\n!\[Image 2\]\(import-image:2\)", proposal.Body);
        Assert.Contains(proposal.Notes, n => n.StartsWith("2 images were found", StringComparison.Ordinal));
        if (format == "docx")
        {
            Assert.Equal(TestImages.Chart(), read.Images[0].Bytes);
        }
    }

    [Fact]
    public void Placing_images_puts_each_where_its_mark_is_drops_the_left_out_and_keeps_a_kept_image_whose_mark_was_deleted()
    {
        var body = "Intro.\n\n![Image 1](import-image:1)\n\nMiddle.\n\n![Image 2](import-image:2)\n\nEnd.";
        var placed = new Dictionary<int, string> { [2] = "![Logo](/media/5/k/logo.png)", [3] = "![Three](/media/6/k/three.png)" };

        var result = ImportImages.Place(body, placed);

        Assert.Equal("Intro.\n\nMiddle.\n\n![Logo](/media/5/k/logo.png)\n\nEnd.\n\n![Three](/media/6/k/three.png)", result);
        Assert.Equal("Intro.\n\n\n\nEnd.", ImportImages.ForChecking("Intro.\n\n![Image 1](import-image:1)\n\nEnd."));
    }

    [Theory]
    [InlineData("docx")]
    [InlineData("pdf")]
    public void A_javascript_link_keeps_its_text_but_not_its_address(string format)
    {
        var proposal = Import(Fixtures.AuditBriefing(), format);

        var all = ImportScore.AllText(proposal);
        Assert.Contains("neglect screening tool guidance", all, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", all, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Text_that_looks_like_markup_is_escaped_and_rendered_as_text()
    {
        var fixture = new ImportFixture
        {
            Name = "hostile",
            Blocks =
            [
                F.H("Hostile briefing", 1),
                F.H("Good practice"),
                F.P("<script>alert('x')</script> and [click](javascript:alert(1)) and <img src=x onerror=alert(1)>"),
                F.P("# not a heading, *not emphasis*"),
            ],
            Recommendations = [],
            Questions = [],
            Expected = new Dictionary<string, string>(),
        };

        var proposal = Import(fixture, "docx");
        var html = Core.Content.Rendering.GovUkMarkdown.Render(((LearningBriefingFields)proposal.Fields).GoodPractice, new Core.Content.Rendering.HeadingIds()).ToString();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<h", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<em>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_heading_synonym_is_one_line_in_the_phrase_table()
    {
        Assert.Equal(ImportSection.Questions, SectionHeadings.Match("3. Questions to consider?"));
        Assert.Equal(ImportSection.WhatToDoNow, SectionHeadings.Match("What should you do now"));
        Assert.Equal(ImportSection.GoodPractice, SectionHeadings.Match("Areas of Good Practice"));
        Assert.Equal(ImportSection.FormatMarker, SectionHeadings.Match("7 Minute Briefing"));
        Assert.Equal(ImportSection.None, SectionHeadings.Match("Professional curiosity"));
        Assert.All(SectionHeadings.Phrases, p => Assert.Equal(SectionHeadings.Normalise(p.Phrase), p.Phrase));
    }
}
