using LearningPortal.Search;

namespace LearningPortal.Tests.Search;

public class ManageSearchTests(LibrarySite site) : IClassFixture<LibrarySite>
{
    [Fact]
    public async Task Editors_see_the_index_status_and_find_drafts()
    {
        await site.WaitForIndexAsync(site.Content.Count);
        using var editor = await SignedInAsync(PortalRoles.Editor);

        var page = await editor.GetDocumentAsync("/manage/search?q=thresholds");

        Assert.Contains("Ready", page.QuerySelector("#index-status")!.TextContent, StringComparison.Ordinal);
        var result = Assert.Single(page.QuerySelectorAll(".lp-search-result"));
        Assert.Equal("Draft", result.QuerySelector(".govuk-tag")!.TextContent.Trim());
    }

    [Fact]
    public async Task Rebuild_index_rebuilds_this_instances_index_and_is_audited()
    {
        await site.WaitForIndexAsync(site.Content.Count);
        var before = site.Index.Status.BuiltUtc;
        using var editor = await SignedInAsync(PortalRoles.Editor);

        var response = await editor.SubmitFormAsync("/manage/search", new Dictionary<string, string>(), "main form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/manage/search?rebuild=requested", response.Headers.Location!.ToString());
        await SearchSite.WaitUntilAsync(() => site.Index.Status is { State: SearchIndexState.Ready } s && s.BuiltUtc > before, TimeSpan.FromSeconds(20), () => "not rebuilt");
        Assert.Equal(site.Content.Count, site.Index.Status.DocumentCount);
        var confirmation = await editor.GetDocumentAsync(response.Headers.Location!.ToString());
        Assert.Contains("The search index is being rebuilt", confirmation.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        await site.WithDbAsync(async db => Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "search.index.rebuild")));
    }

    private Task<PortalClient> SignedInAsync(string role) => site.SignedInClientAsync(role.ToLowerInvariant(), role);
}
