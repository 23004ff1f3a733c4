using LearningPortal.Tests.Site;

namespace LearningPortal.Tests.Content.Public;

/// <summary>A briefing served from the output cache still runs its inline script in Chromium: the CSP allows it by hash.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class CachedPageBrowserTests(BrowserFixture browser, ContentSite site) : IClassFixture<ContentSite>
{
    [Fact]
    public async Task A_briefing_loaded_twice_from_the_cache_has_no_csp_violations_and_its_scripts_run()
    {
        var page = await browser.NewPageAsync(site);
        var problems = await SiteShellBrowserTests.WatchForProblemsAsync(page);

        await page.GotoAsync("/learning/neglect-multi-agency-audit-2025");
        var cached = await page.ReloadAsync();

        Assert.NotNull(cached?.Headers.GetValueOrDefault("age"));
        await Assertions.Expect(page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("govuk-frontend-supported"));
        await page.AssertNoAxeViolationsAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }
}
