using LearningPortal.Core.Accounts;
using LearningPortal.Tests.Infrastructure;
using LearningPortal.Tests.Supervision;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningPortal.Tests.Impact;

[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class ImpactPagesBrowserTests(SupervisionSite site, BrowserFixture browser) : IClassFixture<SupervisionSite>
{
    [Fact]
    public async Task An_editor_reads_the_reach_of_briefings_and_one_briefings_page_in_the_browser()
    {
        var data = new SupervisionData(site);
        var (version, _) = await data.BriefingAsync("Browser impact briefing " + Guid.NewGuid().ToString("N")[..6]);
        var editor = await data.PersonAsync("browser-impact-editor", PortalRoles.Editor);
        var page = await browser.NewPageAsync(site);
        await BrowserSignIn.SignInAsync(page, editor.Email!);

        await page.GotoAsync("/manage/impact");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reach of learning briefings");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = version.Title }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(version.Title);
        await Expect(page.Locator("#agency-table")).ToContainTextAsync("All agencies");
        await page.AssertNoAxeViolationsAsync();
    }
}
