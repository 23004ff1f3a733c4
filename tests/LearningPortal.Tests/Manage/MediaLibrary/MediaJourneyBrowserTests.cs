namespace LearningPortal.Tests.Manage.MediaLibrary;

[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class MediaJourneyBrowserTests(ContentSite site, BrowserFixture browser) : IClassFixture<ContentSite>
{
    [Fact]
    public async Task Editor_uploads_a_pdf_attaches_it_to_a_toolkit_resource_and_publishes_and_readers_download_it()
    {
        var editor = await site.CreateUserAsync(TestUsers.UniqueEmail("editor"), TestUsers.Password, PortalRoles.Editor);
        var page = await browser.NewPageAsync(site);
        await page.GotoAsync("/manage");
        await BrowserSignIn.SubmitSignInFormAsync(page, editor.Email!);
        await page.WaitForURLAsync("**/manage");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Media library", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/manage/media");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Upload a file" }).ClickAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload file" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select a file");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "Journey screening tool.pdf", MimeType = "application/pdf", Buffer = MediaUploads.Pdf() });
        await page.GetByLabel("Title (optional)").FillAsync("Journey screening tool");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload file" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Journey screening tool has been uploaded");
        await page.AssertNoAxeViolationsAsync();
        var address = await page.Locator("#media-address").GetAttributeAsync("href");
        Assert.Matches(@"^/media/\d+/[0-9a-f]{32}/journey-screening-tool\.pdf$", address);

        await page.GotoAsync("/manage/content/new/toolkit-resource");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Journey neglect screening tool");
        await page.GetByLabel("Address", new() { Exact = true }).FillAsync("journey-neglect-screening-tool");
        await page.GetByLabel("Summary", new() { Exact = true }).FillAsync("A tool to help practitioners recognise neglect.");
        await page.GetByLabel("Screening tools", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Journey screening tool (PDF", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("Body", new() { Exact = true }).FillAsync("Use the tool with the family and your supervisor.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("is published");
        await page.AssertNoAxeViolationsAsync();

        var reader = await browser.NewPageAsync(site);
        await reader.GotoAsync("/toolkit/journey-neglect-screening-tool");
        var link = reader.Locator($".lp-downloads a[href='{address}']");
        await Assertions.Expect(link).ToHaveTextAsync("Journey screening tool");
        await Assertions.Expect(reader.Locator(".lp-downloads")).ToContainTextAsync("PDF");
        await reader.AssertNoAxeViolationsAsync();
        var download = await reader.APIRequest.GetAsync(address!);
        Assert.Equal(200, download.Status);
        Assert.Equal("application/pdf", download.Headers["content-type"]);
        Assert.StartsWith("attachment", download.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal("nosniff", download.Headers["x-content-type-options"]);
        Assert.Equal(MediaUploads.Pdf(), await download.BodyAsync());

        await page.GotoAsync("/manage/media");
        await page.GetByRole(AriaRole.Link, new() { Name = "Journey screening tool" }).ClickAsync();
        await Assertions.Expect(page.Locator("#where-used + ul")).ToContainTextAsync("Journey neglect screening tool");
        await page.AssertNoAxeViolationsAsync();
    }
}
