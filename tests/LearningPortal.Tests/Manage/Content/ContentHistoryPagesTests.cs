namespace LearningPortal.Tests.Manage.Content;

public class ContentHistoryPagesTests(ContentSite site) : IClassFixture<ContentSite>
{
    [Fact]
    public async Task History_lists_versions_and_shows_the_difference_between_two_with_added_and_removed_lines_named()
    {
        var (_, editor) = await site.EditorAsync();
        var id = await editor.CreateBriefingAsync("History briefing", "history-briefing");
        await editor.FollowAsync(await editor.SubmitFormAsync($"/manage/content/{id}", new Dictionary<string, string>
        {
            ["Input.KeyLinesOfEnquiry"] = "Was neglect recognised early?\nWere fathers involved?",
            ["Input.Note"] = "Added fathers",
            ["Intent"] = "save",
        }));

        var page = await editor.GetDocumentAsync($"/manage/content/{id}/history?from=1&to=2");

        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Added fathers", rows[0]);
        var diff = page.QuerySelector(".lp-diff")!;
        Assert.Contains("Added: ", diff.QuerySelector("ins")!.TextContent);
        Assert.Contains("Were fathers involved?", diff.QuerySelector("ins")!.TextContent);
        Assert.Contains("Removed: ", diff.QuerySelector("del")!.TextContent);
        Assert.Contains("Did agencies share information?", diff.QuerySelector("del")!.TextContent);
    }

    [Fact]
    public async Task Rolling_back_makes_the_old_version_the_new_draft()
    {
        var (_, editor) = await site.EditorAsync();
        var id = await editor.CreateBriefingAsync("Rollback original", "rollback-briefing");
        await editor.FollowAsync(await editor.SubmitFormAsync($"/manage/content/{id}", new Dictionary<string, string> { ["Input.Title"] = "Rollback changed", ["Intent"] = "save" }));
        var history = await editor.GetDocumentAsync($"/manage/content/{id}/history");

        var response = await editor.SubmitFormAsync(history, $"/manage/content/{id}/history", new Dictionary<string, string>(), "#rollback-1");

        var page = await editor.FollowAsync(response);
        Assert.Contains("Version 1 is now the draft, as version 3", ManageTestData.SuccessBanner(page));
        var document = await site.DocumentAsync(id);
        Assert.Equal(3, document.LatestVersionNumber);
        Assert.Equal("Rollback original", document.Title);
        var editorPage = await editor.GetDocumentAsync($"/manage/content/{id}");
        Assert.Equal("Rollback original", ((AngleSharp.Html.Dom.IHtmlInputElement)editorPage.QuerySelector("#Input-Title")!).Value);
    }

    [Fact]
    public async Task Changing_a_published_address_lists_a_redirect_that_an_Editor_can_remove()
    {
        var (_, editor) = await site.EditorAsync();
        var id = await editor.CreateBriefingAsync("Moving briefing", "moving-briefing-old", f => f["Intent"] = "publish");
        await editor.FollowAsync(await editor.SubmitFormAsync($"/manage/content/{id}", new Dictionary<string, string> { ["Input.Slug"] = "moving-briefing-new", ["Intent"] = "publish" }));
        var reader = site.CreatePortalClient();
        var moved = await reader.GetAsync("/learning/moving-briefing-old");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);

        var list = await editor.GetDocumentAsync("/manage/content/redirects");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("/learning/moving-briefing-old", StringComparison.Ordinal));
        var removeLink = row.QuerySelector("a[href$='/remove']")!.GetAttribute("href")!;
        var confirm = await editor.GetDocumentAsync(removeLink);
        Assert.Contains("Remove the redirect from /learning/moving-briefing-old?", confirm.QuerySelector("h1")!.TextContent);
        var after = await editor.FollowAsync(await editor.SubmitFormAsync(confirm, removeLink, new Dictionary<string, string>()));

        Assert.Contains("/learning/moving-briefing-old no longer redirects", ManageTestData.SuccessBanner(after));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/learning/moving-briefing-old")).StatusCode);
        Assert.Contains(await site.AuditEntriesAsync("document", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), e => e.Action == "content.redirect.removed");
    }

    [Fact]
    public async Task With_the_review_step_on_the_author_submits_and_another_Editor_approves_and_publishes()
    {
        var (_, author) = await site.EditorAsync("author");
        var (_, reviewer) = await site.EditorAsync("reviewer");
        await author.FollowAsync(await author.SubmitFormAsync("/manage/content/settings", new Dictionary<string, string> { ["RequireReview"] = "yes" }));
        try
        {
            var id = await author.CreateBriefingAsync("Reviewed briefing", "reviewed-briefing");
            var publishPage = await author.GetDocumentAsync($"/manage/content/{id}/publish");
            Assert.Null(publishPage.QuerySelector("form[action*='handler=Publish']"));
            await author.FollowAsync(await author.SubmitFormAsync(publishPage, $"/manage/content/{id}/publish", new Dictionary<string, string>(), "form[action*='handler=Submit']"));
            var authorView = await author.GetDocumentAsync($"/manage/content/{id}/publish");
            Assert.Contains("waiting for another Editor", authorView.Body!.TextContent);

            var reviewerView = await reviewer.GetDocumentAsync($"/manage/content/{id}/publish");
            var approved = await reviewer.FollowAsync(await reviewer.SubmitFormAsync(reviewerView, $"/manage/content/{id}/publish", new Dictionary<string, string>(), "form[action*='handler=Publish']"));

            Assert.Contains("is published", ManageTestData.SuccessBanner(approved));
            Assert.Equal(HttpStatusCode.OK, (await site.CreatePortalClient().GetAsync("/learning/reviewed-briefing")).StatusCode);
            Assert.Contains(await site.AuditEntriesAsync("setting", "content.require-review"), e => e.Details == "Review step turned on");
        }
        finally
        {
            await author.FollowAsync(await author.SubmitFormAsync("/manage/content/settings", new Dictionary<string, string> { ["RequireReview"] = "no" }));
        }
    }
}
