using LearningPortal.Tests.ImportFixtures;

namespace LearningPortal.Tests.Content.Import;

[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class ImportJourneyBrowserTests(ImportSite site, BrowserFixture browser) : IClassFixture<ImportSite>
{
    [Fact]
    public async Task Editor_imports_a_word_briefing_corrects_a_field_saves_previews_and_publishes_it()
    {
        var editor = await site.CreateUserAsync(TestUsers.UniqueEmail("importer"), TestUsers.Password, PortalRoles.Editor);
        var page = await browser.SignedInPageAsync(site, editor.Email!);

        await page.GotoAsync("/manage/content");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import a Word document or PDF" }).ClickAsync();
        await page.WaitForURLAsync("**/manage/content/import");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and read the document" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select a Word document or PDF");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByLabel("Document", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "Seven minute briefing.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = DocxWriter.Write(WithChart(Fixtures.SevenMinute())),
        });
        await page.GetByLabel("A new document").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and read the document" }).ClickAsync();
        await page.WaitForURLAsync("**/manage/content/import/*");
        await Assertions.Expect(page.Locator("#import-found")).ToContainTextAsync("Questions for reflection");
        await Assertions.Expect(page.Locator("#import-found")).ToContainTextAsync("Aim of the audit");
        await page.AssertNoAxeViolationsAsync();

        // The document gives no number of families: the Editor adds it, and corrects the summary.
        await page.GetByLabel("Families in the sample", new() { Exact = true }).FillAsync("4");
        await page.GetByLabel("Summary", new() { Exact = true }).FillAsync("What a seven minute briefing on neglect in the early years asks practitioners to do.");
        await page.GetByLabel("Address", new() { Exact = true }).FillAsync("imported-early-years-neglect");
        // The chart in the document needs alt text before it goes into the media library.
        await Assertions.Expect(page.Locator("#import-images")).ToBeVisibleAsync();
        await page.GetByLabel("Alt text for image 1").FillAsync("Bar chart of audit grades: five requires improvement, one good");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Draft saved as version 1 from seven-minute-briefing.docx with 1 image added to the media library");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator(".lp-preview")).ToContainTextAsync("When did you last use the Graded Care Profile 2?");
        await Assertions.Expect(page.Locator(".lp-preview")).ToContainTextAsync("Download the original briefing");
        await Assertions.Expect(page.Locator(".lp-preview img[alt='Bar chart of audit grades: five requires improvement, one good']")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("is published");
        await page.AssertNoAxeViolationsAsync();

        var reader = await browser.NewPageAsync(site);
        await reader.GotoAsync("/learning/imported-early-years-neglect");
        await Assertions.Expect(reader.Locator("main")).ToContainTextAsync("Did agencies respond to non-engagement?");
        await Assertions.Expect(reader.Locator("main")).ToContainTextAsync("4");
        await reader.AssertNoAxeViolationsAsync();
        var original = await reader.GetByRole(AriaRole.Link, new() { Name = "Download the original briefing" }).GetAttributeAsync("href");
        var download = await reader.APIRequest.GetAsync(original!);
        Assert.Equal(200, download.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Headers["content-type"]);
        Assert.Equal("PK"u8.ToArray(), (await download.BodyAsync())[..2]);
    }

    /// <summary>The fixture with a chart after the first paragraph, as a briefing's author would paste one in.</summary>
    private static ImportFixture WithChart(ImportFixture fixture)
    {
        var at = fixture.Blocks.ToList().FindIndex(b => b.Kind == FixtureKind.Paragraph) + 1;
        return new ImportFixture
        {
            Name = fixture.Name,
            Blocks = [.. fixture.Blocks.Take(at), F.Img(TestImages.Chart()), .. fixture.Blocks.Skip(at)],
            Recommendations = fixture.Recommendations,
            Questions = fixture.Questions,
            Pairs = fixture.Pairs,
            Expected = fixture.Expected,
        };
    }
}
