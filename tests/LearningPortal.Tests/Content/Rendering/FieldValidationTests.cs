using LearningPortal.Core.Content.Media;

namespace LearningPortal.Tests.Content.Rendering;

public class FieldValidationTests
{
    [Fact]
    public void An_empty_briefing_is_refused_with_govuk_messages()
    {
        var errors = new LearningBriefingFields { Themes = [] }.Validate();

        Assert.Contains(errors, e => e.Field == "Title" && e.Message == "Enter a title");
        Assert.Contains(errors, e => e.Field == "Summary" && e.Message == "Enter a summary");
        Assert.Contains(errors, e => e.Field == "AuditDate" && e.Message == "Enter the date of the audit");
        Assert.Contains(errors, e => e.Field == "Themes" && e.Message == "Select at least one theme");
    }

    [Fact]
    public void A_recommendation_paired_with_a_missing_question_and_duplicate_question_ids_are_refused()
    {
        var id = Guid.NewGuid();
        var fields = Build.Briefing(change: f =>
        {
            f.Questions = [new QuestionField { Id = id, Text = "One" }, new QuestionField { Id = id, Text = "Two" }];
            f.Recommendations = [new RecommendationField { Text = "Do it", QuestionId = Guid.NewGuid() }];
        });

        var errors = fields.Validate();

        Assert.Contains(errors, e => e.Field == "Questions[1].Id" && e.Message == "Question 2 has the same identity as question 1");
        Assert.Contains(errors, e => e.Field == "Recommendations[0].QuestionId");
    }

    [Theory]
    [InlineData("neglect-audit-2025", true)]
    [InlineData("Neglect", false)]
    [InlineData("a--b", false)]
    [InlineData("../etc", false)]
    [InlineData("", false)]
    public void Slugs_are_lower_case_words_joined_by_hyphens(string slug, bool valid) => Assert.Equal(valid, Slugs.IsValid(slug));

    [Fact]
    public void File_types_are_read_from_the_bytes_not_the_name()
    {
        using var pdf = new MemoryStream("%PDF-1.4\n..."u8.ToArray());
        using var html = new MemoryStream("<html><script>alert(1)</script>"u8.ToArray());
        using var png = new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);
        using var docx = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(docx, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry("word/document.xml");
        }

        Assert.Equal(MediaTypes.Pdf, MediaTypes.Sniff(pdf, "tool.docx"));
        Assert.Null(MediaTypes.Sniff(html, "tool.pdf"));
        Assert.Equal(MediaTypes.Png, MediaTypes.Sniff(png, "picture.pdf"));
        Assert.Equal(MediaTypes.Docx, MediaTypes.Sniff(docx, "guidance.bin"));
    }
}
