using AngleSharp.Dom;
using LearningPortal.Tests.Manage.Content;

namespace LearningPortal.Tests.Manage.MediaLibrary;

public class MediaLibraryPagesTests(ContentSite site) : IClassFixture<ContentSite>
{
    [Fact]
    public async Task An_uploaded_pdf_is_listed_shown_and_served_with_safe_headers()
    {
        var (_, editor) = await site.EditorAsync("media");

        var id = await editor.UploadMediaAsync("Neglect Screening Tool (v2).pdf", MediaUploads.Pdf(), title: "Screening tool upload test");

        var item = await editor.GetDocumentAsync($"/manage/media/{id}");
        Assert.Contains("has been uploaded", ManageTestData.SuccessBanner(item));
        Assert.Contains("neglect-screening-tool-v2.pdf", item.QuerySelector("#media-file")!.TextContent);
        Assert.Contains("PDF", item.QuerySelector("#media-file")!.TextContent);
        Assert.Contains("No draft or published content uses this file", item.Body!.TextContent);
        var list = await editor.GetDocumentAsync("/manage/media?q=screening+tool+upload");
        Assert.Contains(list.QuerySelectorAll("tbody tr a"), a => a.GetAttribute("href") == $"/manage/media/{id}");
        var address = item.QuerySelector("#media-address")!.GetAttribute("href")!;
        Assert.Matches($"^/media/{id}/[0-9a-f]{{32}}/neglect-screening-tool-v2.pdf$", address);

        // Nothing published uses it yet: the public gets 404, the editor the file, never cached by shared caches.
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreatePortalClient().GetAsync(address)).StatusCode);
        var download = await editor.GetAsync(address);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("neglect-screening-tool-v2.pdf", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", download.Headers.CacheControl!.ToString());
        Assert.NotNull(download.Headers.ETag);
        Assert.Equal(MediaUploads.Pdf(), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_what_its_name_says_is_refused_with_an_error_summary()
    {
        var (_, editor) = await site.EditorAsync("media");

        var response = await editor.UploadAsync("/manage/media/upload", "report.pdf", "<html><script>alert(1)</script></html>"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var link = page.QuerySelector(".govuk-error-summary a")!;
        Assert.Equal("#Input-File", link.GetAttribute("href"));
        Assert.Contains("must be a PDF, Word, Excel or PowerPoint document", link.TextContent);
        Assert.NotNull(page.QuerySelector("#Input-File-error"));
    }

    [Fact]
    public async Task No_file_chosen_says_select_a_file()
    {
        var (_, editor) = await site.EditorAsync("media");

        var response = await editor.SubmitFormAsync("/manage/media/upload", new Dictionary<string, string> { ["Input.Title"] = "Kept title" });

        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("Select a file", ManageTestData.ErrorSummary(page));
        Assert.Equal("Kept title", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input-Title")!.Value);
    }

    [Fact]
    public async Task An_image_needs_alt_text()
    {
        var (_, editor) = await site.EditorAsync("media");

        var refused = await editor.UploadAsync("/manage/media/upload", "diagram.png", MediaUploads.Png());
        var id = await editor.UploadMediaAsync("diagram.png", MediaUploads.Png(), altText: "The four levels of need, from universal to specialist");

        Assert.Contains("Enter alt text that describes the image", ManageTestData.ErrorSummary(await PortalClient.ParseAsync(refused)));
        var image = await editor.GetAsync((await editor.GetDocumentAsync($"/manage/media/{id}")).QuerySelector("#media-address")!.GetAttribute("href")!);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", image.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task A_file_over_the_limit_gets_the_error_summary_even_when_bigger_than_the_servers_own_limit()
    {
        var (_, editor) = await site.EditorAsync("media");
        // 35 MB: over the library's 20 MB and over Kestrel's default request limit of 30 MB.
        var big = new byte[35 * 1024 * 1024];
        MediaUploads.Pdf().CopyTo(big, 0);

        var response = await editor.UploadAsync("/manage/media/upload", "huge.pdf", big);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The selected file must be smaller than 20 MB", ManageTestData.ErrorSummary(await PortalClient.ParseAsync(response)));
    }

    [Fact]
    public async Task Replacing_a_file_keeps_its_address_and_serves_the_new_bytes()
    {
        var (_, editor) = await site.EditorAsync("media");
        var id = await editor.UploadMediaAsync("thresholds.pdf", MediaUploads.Pdf("first"));

        var response = await editor.UploadAsync($"/manage/media/{id}/replace", "thresholds-2026.pdf", MediaUploads.Pdf("second"));

        var page = await editor.FollowAsync(response);
        Assert.Contains("The file has been replaced", ManageTestData.SuccessBanner(page));
        var address = page.QuerySelector("#media-address")!.GetAttribute("href")!;
        Assert.StartsWith($"/media/{id}/", address);
        var download = await editor.GetAsync(address);
        Assert.Equal(MediaUploads.Pdf("second"), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_file_in_use_shows_where_and_cannot_be_deleted_until_it_is_unused()
    {
        var (_, editor) = await site.EditorAsync("media");
        var id = await editor.UploadMediaAsync("gcp2-guide.pdf", MediaUploads.Pdf(), title: "GCP2 guide in use");
        var documentId = await editor.CreateBriefingAsync("Briefing linking the guide", "briefing-linking-the-guide",
            f => f["Input.Body"] = $"Read the [GCP2 guide](/media/{id}/gcp2-guide.pdf).");

        var item = await editor.GetDocumentAsync($"/manage/media/{id}");
        var refused = await editor.GetDocumentAsync($"/manage/media/{id}/delete");
        await editor.FollowAsync(await editor.SubmitFormAsync($"/manage/content/{documentId}", new Dictionary<string, string> { ["Input.Body"] = "No link now.", ["Intent"] = "save" }));
        var deleted = await editor.SubmitFormAsync($"/manage/media/{id}/delete", new Dictionary<string, string>());

        Assert.Contains(item.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/manage/content/{documentId}");
        Assert.Null(item.QuerySelector($"a[href='/manage/media/{id}/delete']"));
        Assert.Contains("You cannot delete", refused.QuerySelector("h1")!.TextContent);
        Assert.Empty(refused.QuerySelectorAll("main form"));
        Assert.Equal("/manage/media", deleted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreatePortalClient().GetAsync($"/media/{id}/gcp2-guide.pdf")).StatusCode);
    }

    [Fact]
    public async Task A_file_the_published_version_links_to_stays_in_use_while_a_newer_draft_drops_it()
    {
        var (_, editor) = await site.EditorAsync("media");
        var id = await editor.UploadMediaAsync("live-guide.pdf", MediaUploads.Pdf());
        var documentId = await editor.CreateBriefingAsync("Briefing with a live link", "briefing-with-a-live-link", f =>
        {
            f["Input.Body"] = $"Read the [guide](/media/{id}/live-guide.pdf).";
            f["Intent"] = "publish";
        });

        await editor.FollowAsync(await editor.SubmitFormAsync($"/manage/content/{documentId}", new Dictionary<string, string> { ["Input.Body"] = "Draft without the link.", ["Intent"] = "save" }));

        var item = await editor.GetDocumentAsync($"/manage/media/{id}");
        Assert.Contains(item.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/manage/content/{documentId}");
        Assert.Contains("You cannot delete", (await editor.GetDocumentAsync($"/manage/media/{id}/delete")).QuerySelector("h1")!.TextContent);
        // A delete posted anyway (say, from a page opened before the file came into use) is refused too.
        var refused = await editor.SubmitFormAsync(await editor.GetDocumentAsync($"/manage/media/{id}/details"), $"/manage/media/{id}/delete", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("cannot be deleted because 1 document uses it", ManageTestData.ErrorSummary(await PortalClient.ParseAsync(refused)));
        // The published version links to it, so the public may download it (the old address leads to the keyed one).
        Assert.Equal(HttpStatusCode.Redirect, (await site.CreatePortalClient().GetAsync($"/media/{id}/live-guide.pdf")).StatusCode);
    }

    [Fact]
    public async Task Every_media_action_is_in_the_audit_log_for_administrators()
    {
        var (_, editor) = await site.EditorAsync("media");
        var id = await editor.UploadMediaAsync("audit.pdf", MediaUploads.Pdf());
        await editor.FollowAsync(await editor.SubmitFormAsync($"/manage/media/{id}/details", new Dictionary<string, string> { ["Input.Title"] = "Audited file" }));
        await editor.FollowAsync(await editor.UploadAsync($"/manage/media/{id}/replace", "audit-2.pdf", MediaUploads.Pdf("again")));
        await editor.SubmitFormAsync($"/manage/media/{id}/delete", new Dictionary<string, string>());
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);

        var log = await admin.GetDocumentAsync($"/manage/audit?subject={id}");

        var actions = log.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(actions, a => a.Contains("Media uploaded", StringComparison.Ordinal));
        Assert.Contains(actions, a => a.Contains("Media described", StringComparison.Ordinal));
        Assert.Contains(actions, a => a.Contains("Media replaced", StringComparison.Ordinal));
        Assert.Contains(actions, a => a.Contains("Media deleted", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/manage/audit")).StatusCode);
    }
}

/// <summary>The site with a 1 MB media limit, as an operator would configure it.</summary>
public sealed class SmallUploadLimitSite : ContentSite
{
    protected override IDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?>(base.ExtraSettings) { ["Content:MaxUploadBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

public class MediaUploadLimitTests(SmallUploadLimitSite site) : IClassFixture<SmallUploadLimitSite>
{
    [Fact]
    public async Task The_upload_limit_comes_from_configuration()
    {
        var (_, editor) = await site.EditorAsync("limit");
        var over = new byte[(1024 * 1024) + 1];
        MediaUploads.Pdf().CopyTo(over, 0);

        var form = await editor.GetDocumentAsync("/manage/media/upload");
        var refused = await editor.UploadAsync("/manage/media/upload", "over.pdf", over);
        var accepted = await editor.UploadMediaAsync("under.pdf", MediaUploads.Pdf());

        Assert.Contains("smaller than 1 MB", form.QuerySelector("#Input-File-hint")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The selected file must be smaller than 1 MB", ManageTestData.ErrorSummary(await PortalClient.ParseAsync(refused)));
        Assert.True(accepted > 0);
    }
}
