namespace LearningPortal.Tests.Search;

[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class SearchBrowserTests(BrowserFixture browser, LibrarySite site) : IClassFixture<LibrarySite>
{
    [Fact]
    public async Task Search_from_the_header_then_filter_and_page_through_results()
    {
        await site.WaitForIndexAsync(site.Content.Count);
        var page = await browser.NewPageAsync(site);

        await page.GotoAsync("/");
        await page.GetByLabel("Search the learning portal").FillAsync("neglect");
        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync("**/search?q=neglect");
        var total = await page.Locator("#search-count").InnerTextAsync();
        await page.AssertNoAxeViolationsAsync();

        await page.Locator("#search-results").GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await page.WaitForURLAsync("**/search?q=neglect&page=2");
        var secondPage = await page.Locator(".lp-search-result").CountAsync();
        await page.AssertNoAxeViolationsAsync();

        await page.GetByLabel("Toolkit resource").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync("**/search?q=neglect&type=toolkit*");
        var filtered = await page.Locator(".lp-search-result").CountAsync();
        var filteredCount = await page.Locator("#search-count").InnerTextAsync();
        await page.AssertNoAxeViolationsAsync();

        Assert.Matches(@"^\d+ results$", total);
        Assert.True(secondPage > 0);
        Assert.Equal(3, filtered);
        Assert.Equal("3 results", filteredCount);
    }

    [Fact]
    public async Task Did_you_mean_and_friendly_messages_have_no_accessibility_problems()
    {
        await site.WaitForIndexAsync(site.Content.Count);
        var page = await browser.NewPageAsync(site);

        await page.GotoAsync("/search?q=negelct");
        await page.GetByRole(AriaRole.Link, new() { Name = "neglect", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/search?q=neglect");
        await page.AssertNoAxeViolationsAsync();
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("(((\""));
        await page.AssertNoAxeViolationsAsync();
        await page.GotoAsync("/search?q=zzzzqqqq");
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Editors_search_drafts_and_see_the_index_in_the_back_office()
    {
        await site.WaitForIndexAsync(site.Content.Count);
        var email = TestUsers.UniqueEmail("editor");
        await site.CreateUserAsync(email, TestUsers.Password, PortalRoles.Editor);
        var page = await browser.SignedInPageAsync(site, email);
        await page.WaitForURLAsync(url => !url.Contains("sign-in", StringComparison.Ordinal));

        await page.GotoAsync("/manage/search");
        await page.GetByLabel("Search including drafts").FillAsync("gcp2");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync("**/manage/search?q=gcp2");
        var tags = await page.Locator(".lp-search-result .govuk-tag").AllInnerTextsAsync();
        await page.AssertNoAxeViolationsAsync();

        Assert.Contains("Draft", tags);
        Assert.Contains("Published", tags);
    }
}
