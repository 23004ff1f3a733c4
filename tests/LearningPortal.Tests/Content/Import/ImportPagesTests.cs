using AngleSharp.Dom;
using LearningPortal.Core.Content;
using LearningPortal.Tests.ImportFixtures;
using LearningPortal.Tests.Manage;
using LearningPortal.Tests.Manage.Content;
using LearningPortal.Tests.Manage.MediaLibrary;

namespace LearningPortal.Tests.Content.Import;

/// <summary>The import pages over HTTP: upload, review, save as a new document or a new version; bad files create nothing.</summary>
public class ImportPagesTests(ImportSite site) : IClassFixture<ImportSite>
{
    private const string PostForm = "main form[method=post]";

    [Fact]
    public async Task A_word_briefing_becomes_a_draft_with_every_recommendation_and_question_and_a_private_link_to_its_original()
    {
        var (_, editor) = await site.EditorAsync("import");
        var fixture = Fixtures.AuditBriefing();

        var upload = await editor.UploadAsync("/manage/content/import", "Neglect audit briefing.docx", DocxWriter.Write(fixture), new Dictionary<string, string> { ["Input.Target"] = "new" });
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var review = upload.Headers.Location!.OriginalString;
        Assert.Matches(@"^/manage/content/import/\d+$", review);
        var mediaId = int.Parse(review.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        var page = await editor.GetDocumentAsync(review);
        var found = page.QuerySelector("#import-found")!.TextContent;
        Assert.Contains("Questions for reflection", found);
        Assert.Contains("6 found", found);
        Assert.Contains("8 found", found);
        Assert.Contains("Areas of good practice", found);
        Assert.Contains("Check", found);
        Assert.Equal(fixture.Questions[5], page.QuerySelector<IHtmlInputElement>("#Input-Questions-5--Text")?.Value ?? page.QuerySelector<IHtmlInputElement>("[name='Input.Questions[5].Text']")!.Value);

        var saved = await editor.SubmitFormAsync(page, review, new Dictionary<string, string>
        {
            ["Input.Partnership"] = "Riverside Safeguarding Children Partnership (corrected)",
            ["Input.Slug"] = "imported-neglect-briefing",
        }, PostForm);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var documentId = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await site.WithDbAsync(async db =>
        {
            var document = await db.Documents.Include(d => d.Versions).SingleAsync(d => d.Id == documentId);
            Assert.Equal(DocumentState.Draft, document.State);
            Assert.Null(document.PublishedVersionId);
            Assert.Contains($"|{mediaId}|", document.MediaReferences, StringComparison.Ordinal);
            var fields = (LearningBriefingFields)DocumentTypes.ReadFields(DocumentType.LearningBriefing, document.Versions.Single().FieldsJson);
            Assert.Equal(fixture.Recommendations, fields.Recommendations.Select(r => r.Text));
            Assert.Equal(fixture.Questions, fields.Questions.Select(q => q.Text));
            Assert.All(fields.Questions, q => Assert.NotEqual(Guid.Empty, q.Id));
            Assert.Equal("Riverside Safeguarding Children Partnership (corrected)", fields.Partnership);
            Assert.Equal(new DateOnly(2025, 10, 1), fields.AuditDate);
            Assert.Contains("Download the original briefing", fields.RelatedResources, StringComparison.Ordinal);
            Assert.Equal("Imported from neglect-audit-briefing.docx", document.Versions.Single().Note);
        });
    }

    [Fact]
    public async Task A_pdf_becomes_a_new_version_of_an_existing_briefing_and_questions_worded_the_same_keep_their_identity()
    {
        var (_, editor) = await site.EditorAsync("import");
        var fixture = Fixtures.AtAGlance();
        var first = await editor.UploadAsync("/manage/content/import", "glance.docx", DocxWriter.Write(fixture), new Dictionary<string, string> { ["Input.Target"] = "new" });
        var firstReview = first.Headers.Location!.OriginalString;
        var created = await editor.SubmitFormAsync(await editor.GetDocumentAsync(firstReview), firstReview, new Dictionary<string, string>
        {
            ["Input.Slug"] = "glance-" + Guid.NewGuid().ToString("N")[..8],
            ["Input.FeedbackForm"] = LearningBriefingFields.NoFeedbackForm,
        }, PostForm);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var documentId = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        var second = await editor.UploadAsync("/manage/content/import", "glance.pdf", PdfWriter.Write(fixture),
            new Dictionary<string, string> { ["Input.Target"] = "version", ["Input.DocumentId"] = documentId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var secondReview = second.Headers.Location!.OriginalString;
        Assert.EndsWith($"?document={documentId}", secondReview, StringComparison.Ordinal);
        var page = await editor.GetDocumentAsync(secondReview);
        Assert.Contains("This will be saved as version 2", page.Body!.TextContent);
        var saved = await editor.SubmitFormAsync(page, secondReview, new Dictionary<string, string>(), PostForm);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await site.WithDbAsync(async db =>
        {
            var versions = await db.DocumentVersions.Where(v => v.DocumentId == documentId).OrderBy(v => v.Number).ToListAsync();
            Assert.Equal(2, versions.Count);
            var one = (LearningBriefingFields)DocumentTypes.ReadFields(DocumentType.LearningBriefing, versions[0].FieldsJson);
            var two = (LearningBriefingFields)DocumentTypes.ReadFields(DocumentType.LearningBriefing, versions[1].FieldsJson);
            Assert.Equal(one.Questions.Select(q => q.Id), two.Questions.Select(q => q.Id));
            Assert.Equal(one.Recommendations.Select(r => r.Id), two.Recommendations.Select(r => r.Id));
            Assert.All(two.Recommendations, r => Assert.NotEqual(Guid.Empty, r.Id));
            Assert.Equal(fixture.Recommendations, two.Recommendations.Select(r => r.Text));
            Assert.All(two.Recommendations, r => Assert.Contains(two.Questions, q => q.Id == r.QuestionId));
            Assert.Equal(LearningBriefingFields.NoFeedbackForm, two.FeedbackForm);
            Assert.Equal(BriefingFormat.AtAGlance, two.Format);
        });
    }

    [Theory]
    [MemberData(nameof(BadFiles.Cases), MemberType = typeof(BadFiles))]
    public async Task A_file_that_cannot_be_imported_gets_a_clear_message_and_creates_nothing(string name, string message)
    {
        var (_, editor) = await site.EditorAsync("import");
        var (fileName, bytes) = BadFiles.File(name);
        var before = await CountsAsync();

        var response = await editor.UploadAsync("/manage/content/import", fileName, bytes, new Dictionary<string, string> { ["Input.Target"] = "new" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary a")!;
        Assert.Equal("#Input-File", summary.GetAttribute("href"));
        Assert.Contains(message, summary.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_form_says_what_is_missing_in_field_order()
    {
        var (_, editor) = await site.EditorAsync("import");

        var response = await editor.SubmitFormAsync("/manage/content/import", new Dictionary<string, string> { ["Input.Target"] = "version" });

        var errors = (await PortalClient.ParseAsync(response)).QuerySelectorAll(".govuk-error-summary a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Select a Word document or PDF", "Select the document to add a new version to"], errors);
    }

    [Fact]
    public async Task The_review_shows_the_errors_a_save_would_make_and_saves_nothing()
    {
        var (_, editor) = await site.EditorAsync("import");
        var upload = await editor.UploadAsync("/manage/content/import", "strategy.pdf", PdfWriter.Write(Fixtures.Strategy()), new Dictionary<string, string> { ["Input.Target"] = "new" });
        var review = upload.Headers.Location!.OriginalString;
        var page = await editor.GetDocumentAsync(review);
        Assert.Contains("Strategy", page.QuerySelector("#type option[selected]")!.TextContent);
        var before = await CountsAsync();

        var response = await editor.SubmitFormAsync(page, review, new Dictionary<string, string> { ["Input.Title"] = "", ["Input.Definition"] = "" }, PostForm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = ManageTestData.ErrorSummary(await PortalClient.ParseAsync(response));
        Assert.Contains("Enter a title", errors);
        Assert.Contains("Enter the definition", errors);
        Assert.Equal(before, await CountsAsync());
    }

    private Task<(int Documents, int Media)> CountsAsync() =>
        site.WithScopeAsync(async services =>
        {
            var db = services.GetService(typeof(PortalDbContext)) as PortalDbContext;
            return (await db!.Documents.CountAsync(), await db.MediaItems.CountAsync());
        });
}
