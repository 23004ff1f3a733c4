using AngleSharp.Dom;
using LearningPortal.Tests.Manage.MediaLibrary;

namespace LearningPortal.Tests.Manage.Content;

/// <summary>The editor for the types other than briefings: strategy, toolkit resource (with files from the media library) and page.</summary>
public class ContentEditorTypesTests(ContentSite site) : IClassFixture<ContentSite>
{
    [Fact]
    public async Task A_strategy_with_missing_fields_shows_its_errors_then_publishes_with_its_objectives_and_review_date()
    {
        var (_, editor) = await site.EditorAsync("strategy");

        var invalid = await editor.SubmitFormAsync("/manage/content/new/strategy", new Dictionary<string, string>
        {
            ["Input.Title"] = "Forms neglect strategy",
            ["Input.Review.Day"] = "31",
            ["Input.Review.Month"] = "4",
            ["Input.Review.Year"] = "2027",
            ["Intent"] = "save",
        });
        var errors = (await PortalClient.ParseAsync(invalid)).QuerySelectorAll(".govuk-error-summary a").Select(a => a.TextContent.Trim()).ToList();
        var published = await editor.SubmitFormAsync("/manage/content/new/strategy", new Dictionary<string, string>
        {
            ["Input.Title"] = "Forms neglect strategy",
            ["Input.Slug"] = "forms-neglect-strategy",
            ["Input.Summary"] = "How the partnership tackles neglect.",
            ["Input.Partnership"] = "Riverside Safeguarding Children Partnership",
            ["Input.Definition"] = "Neglect is the persistent failure to meet a child's basic needs.",
            ["Input.Objectives"] = "Recognise neglect early: practitioners spot the signs\nListen to children: the voice of the child is heard",
            ["Input.MeasuresOfSuccess"] = "Fewer repeat referrals",
            ["Input.Review.Day"] = "1",
            ["Input.Review.Month"] = "4",
            ["Input.Review.Year"] = "2027",
            ["Intent"] = "publish",
        });

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Enter a summary", errors);
        Assert.Contains("Enter the definition", errors);
        Assert.Contains("Enter at least one objective", errors);
        Assert.Contains("Review date must be a real date", errors);
        Assert.Contains("is published", ManageTestData.SuccessBanner(await editor.FollowAsync(published)));
        var page = (await site.CreatePortalClient().GetDocumentAsync("/strategy/forms-neglect-strategy")).Body!.TextContent;
        Assert.Contains("persistent failure to meet a child's basic needs", page);
        Assert.Contains("Listen to children", page);
        Assert.Contains("Fewer repeat referrals", page);
        Assert.Contains("2027", page);
    }

    [Fact]
    public async Task A_toolkit_resource_chooses_files_from_the_media_library_and_its_page_lists_them_with_type_and_size()
    {
        var (_, editor) = await site.EditorAsync("toolkit");
        var fileId = await editor.UploadMediaAsync("screening-tool.pdf", MediaUploads.Pdf(), title: "Toolkit picker screening tool");

        var form = await editor.GetDocumentAsync("/manage/content/new/toolkit-resource");
        var invalid = await editor.SubmitFormAsync("/manage/content/new/toolkit-resource", new Dictionary<string, string> { ["Intent"] = "save" });
        var saved = await editor.SubmitFormAsync("/manage/content/new/toolkit-resource", new Dictionary<string, string>
        {
            ["Input.Title"] = "Picker screening tool",
            ["Input.Slug"] = "picker-screening-tool",
            ["Input.Summary"] = "A tool to help you recognise neglect.",
            ["Input.Category"] = "screening-tool",
            ["Input.Files"] = fileId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Body"] = "Use the tool with the family.",
            ["Intent"] = "save",
        });
        var documentId = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var reopened = await editor.GetDocumentAsync($"/manage/content/{documentId}");
        await editor.FollowAsync(await editor.SubmitFormAsync($"/manage/content/{documentId}", new Dictionary<string, string> { ["Intent"] = "publish" }));

        Assert.Contains(form.QuerySelectorAll("input[name='Input.Files']"), i => i.GetAttribute("value") == fileId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Enter a title", ManageTestData.ErrorSummary(await PortalClient.ParseAsync(invalid)));
        Assert.NotNull(reopened.QuerySelector($"input[name='Input.Files'][value='{fileId}'][checked]"));
        var page = await site.CreatePortalClient().GetDocumentAsync("/toolkit/picker-screening-tool");
        // Files are served at their keyed address (/media/{id}/{key}/{name}); the library page shows it.
        var address = (await editor.GetDocumentAsync($"/manage/media/{fileId}")).QuerySelector("#media-address")!.GetAttribute("href")!;
        Assert.Matches($"^/media/{fileId}/[0-9a-f]{{32}}/screening-tool.pdf$", address);
        var download = page.QuerySelector($".lp-downloads a[href='{address}']")!;
        Assert.Equal("Toolkit picker screening tool", download.TextContent.Trim());
        Assert.Contains("PDF", download.ParentElement!.TextContent);
        Assert.Contains("KB", download.ParentElement.TextContent);
        Assert.Contains("Use the tool with the family.", page.Body!.TextContent);
        var usage = await editor.GetDocumentAsync($"/manage/media/{fileId}");
        Assert.Contains(usage.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/manage/content/{documentId}");
    }

    [Fact]
    public async Task A_page_needs_a_title_and_an_address_the_site_does_not_use_and_publishes_at_its_own_address()
    {
        var (_, editor) = await site.EditorAsync("page");

        var invalid = await editor.SubmitFormAsync("/manage/content/new/page", new Dictionary<string, string> { ["Input.Slug"] = "manage", ["Intent"] = "save" });
        var published = await editor.SubmitFormAsync("/manage/content/new/page", new Dictionary<string, string>
        {
            ["Input.Title"] = "Forms cookie notice",
            ["Input.Slug"] = "forms-cookie-notice",
            ["Input.Body"] = "## Essential cookies\n\nWe use a cookie to keep you signed in.",
            ["Intent"] = "publish",
        });

        var errors = ManageTestData.ErrorSummary(await PortalClient.ParseAsync(invalid));
        Assert.Contains("Enter a title", errors);
        Assert.Contains("The address /manage is used by the site", errors);
        Assert.Contains("is published", ManageTestData.SuccessBanner(await editor.FollowAsync(published)));
        var page = await site.CreatePortalClient().GetDocumentAsync("/forms-cookie-notice");
        Assert.Equal("Forms cookie notice", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("h2"), h => h.TextContent.Contains("Essential cookies", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_at_a_glance_briefing_pairs_each_recommendation_with_a_question_for_practice()
    {
        var (_, editor) = await site.EditorAsync("glance");

        var response = await editor.SubmitFormAsync("/manage/content/new/learning-briefing", new Dictionary<string, string>(BackOfficeContent.BriefingForm("Forms at a glance", "forms-at-a-glance"))
        {
            ["Input.Format"] = "at-a-glance",
            ["Input.Recommendations[0].Text"] = "Use the screening tool at every assessment",
            ["Input.Recommendations[0].QuestionNumber"] = "2",
            ["Input.Recommendations[1].Text"] = "Record the child's voice",
            ["Input.Recommendations[1].QuestionNumber"] = "3",
            ["Input.Questions[2].Text"] = "How do you capture what the child says?",
            ["Intent"] = "publish",
        });

        await editor.FollowAsync(response);
        var page = await site.CreatePortalClient().GetDocumentAsync("/learning/forms-at-a-glance");
        Assert.Equal("Recommendations and questions for practice", page.QuerySelector("#recommendations")!.TextContent.Trim());
        var pairs = page.QuerySelectorAll(".lp-recommendations > li").Select(li => li.TextContent).ToList();
        Assert.Contains("Use the screening tool at every assessment", pairs[0]);
        Assert.Contains("Who do you share concerns with?", pairs[0]);
        Assert.Contains("How do you capture what the child says?", pairs[1]);
        var documentId = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^2], System.Globalization.CultureInfo.InvariantCulture);
        var reopened = await editor.GetDocumentAsync($"/manage/content/{documentId}");
        Assert.Equal("2", reopened.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlSelectElement>("select[name='Input.Recommendations[0].QuestionNumber']").Single().Value);
    }
}
