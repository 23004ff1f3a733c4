using System.Buffers.Binary;
using System.Globalization;
using AngleSharp.Dom;
using LearningPortal.Core.Content;
using LearningPortal.Tests.ImportFixtures;
using LearningPortal.Tests.Manage.Content;
using LearningPortal.Tests.Manage.MediaLibrary;

namespace LearningPortal.Tests.Content.Import;

/// <summary>
/// Images in an imported document, over HTTP: offered on the review page with a preview, each needing alt text or to be
/// left out; added to the media library only when the draft is saved, and placed in the draft where they stood.
/// </summary>
public class ImportImagesTests(ImportSite site) : IClassFixture<ImportSite>
{
    private const string PostForm = "main form[method=post]";

    public static TheoryData<string> Formats() => new() { "docx", "pdf" };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task An_image_given_alt_text_is_added_to_the_media_library_and_placed_in_the_draft_where_it_stood(string format)
    {
        var (_, editor) = await site.EditorAsync("import-images");
        var fixture = Fixtures.WithImages();
        var bytes = format == "docx" ? DocxWriter.Write(fixture) : PdfWriter.Write(fixture);
        var upload = await editor.UploadAsync("/manage/content/import", $"Referrals briefing.{format}", bytes, new Dictionary<string, string> { ["Input.Target"] = "new" });
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var review = upload.Headers.Location!.OriginalString;
        var page = await editor.GetDocumentAsync(review);

        // Both pictures are offered, each with a preview only an Editor holding the original's key can fetch.
        var previews = page.QuerySelectorAll<IHtmlImageElement>("img.lp-import-image__preview").ToList();
        Assert.Equal(2, previews.Count);
        var chart = await editor.GetAsync(previews[0].GetAttribute("src")!);
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Equal("image/png", chart.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", chart.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal((120, 80), PngSize(await chart.Content.ReadAsByteArrayAsync()));
        var wrongKey = await editor.GetAsync(previews[0].GetAttribute("src")!.Split("&key=")[0] + "&key=" + new string('0', 32));
        Assert.Equal(HttpStatusCode.NotFound, wrongKey.StatusCode);

        // The body marks each image where it stood: the chart between the two paragraphs of findings.
        var body = page.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Body']")!.Value;
        Assert.Matches(@"rose steadily over three years\.\s+!\[Image 1\]\(import-image:1\)\s+Most of the rise", body);
        Assert.Contains("![Image 2](import-image:2)", body, StringComparison.Ordinal);
        var before = await CountsAsync();

        var saved = await editor.SubmitFormAsync(page, review, new Dictionary<string, string>
        {
            ["Input.Slug"] = $"referrals-{format}-{Guid.NewGuid().ToString("N")[..6]}",
            ["Input.FeedbackForm"] = LearningBriefingFields.NoFeedbackForm,
            ["Images[0].Use"] = "add",
            ["Images[0].AltText"] = "Chart of neglect referrals rising each year from 2023 to 2025",
            ["Images[1].Use"] = "leave-out",
            ["Images[1].AltText"] = "",
        }, PostForm);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var documentId = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.Equal((before.Documents + 1, before.Media + 1), await CountsAsync());
        await site.WithDbAsync(async db =>
        {
            var image = await db.MediaItems.OrderByDescending(m => m.Id).FirstAsync();
            Assert.Equal("Chart of neglect referrals rising each year from 2023 to 2025", image.AltText);
            Assert.Equal("image/png", image.ContentType);
            var document = await db.Documents.Include(d => d.Versions).SingleAsync(d => d.Id == documentId);
            Assert.Contains($"|{image.Id}|", document.MediaReferences, StringComparison.Ordinal);
            var fields = (LearningBriefingFields)DocumentTypes.ReadFields(DocumentType.LearningBriefing, document.Versions.Single().FieldsJson);
            Assert.Equal(fixture.Recommendations, fields.Recommendations.Select(r => r.Text));
            Assert.Equal(fixture.Questions, fields.Questions.Select(q => q.Text));
            var draftBody = document.Versions.Single().Body;
            var markdown = $"![Chart of neglect referrals rising each year from 2023 to 2025]({image.Address})";
            Assert.Matches(@"rose steadily over three years\.\s+" + System.Text.RegularExpressions.Regex.Escape(markdown) + @"\s+Most of the rise", draftBody);
            Assert.DoesNotContain("import-image:", draftBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Image 2", draftBody, StringComparison.Ordinal);
            var served = await editor.GetAsync(image.Address);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        });
        var banner = (await editor.GetDocumentAsync($"/manage/content/{documentId}")).QuerySelector(".govuk-notification-banner--success")!.TextContent;
        Assert.Contains("with 1 image added to the media library", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_kept_without_alt_text_stops_the_save_with_an_error_and_nothing_is_added()
    {
        var (_, editor) = await site.EditorAsync("import-images");
        var upload = await editor.UploadAsync("/manage/content/import", "referrals.docx", DocxWriter.Write(Fixtures.WithImages()), new Dictionary<string, string> { ["Input.Target"] = "new" });
        var review = upload.Headers.Location!.OriginalString;
        var page = await editor.GetDocumentAsync(review);
        var before = await CountsAsync();

        var response = await editor.SubmitFormAsync(page, review, new Dictionary<string, string>
        {
            ["Input.Slug"] = "referrals-" + Guid.NewGuid().ToString("N")[..6],
            ["Input.FeedbackForm"] = LearningBriefingFields.NoFeedbackForm,
            ["Images[0].Use"] = "add",
            ["Images[0].AltText"] = "  ",
            ["Images[1].Use"] = "",
        }, PostForm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await PortalClient.ParseAsync(response);
        Assert.Equal(["Enter alt text for image 1, or choose to leave it out", "Select whether to add image 2 or leave it out"], again.QuerySelectorAll(".govuk-error-summary a").Select(a => a.TextContent.Trim()));
        var links = again.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.All(links, href => Assert.NotNull(again.QuerySelector(href)));
        Assert.Equal(before, await CountsAsync());
    }

    /// <summary>A PNG's width and height, from its IHDR chunk.</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    private Task<(int Documents, int Media)> CountsAsync() =>
        site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            return (await db.Documents.CountAsync(), await db.MediaItems.CountAsync());
        });
}
