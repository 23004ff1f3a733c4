using LearningPortal.Core.Accounts;
using LearningPortal.Tests.Infrastructure;
using LearningPortal.Tests.Supervision;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningPortal.Tests.Account;

/// <summary>The sessions, download-your-data and Administrator's export pages, in a browser: axe and 320 px reflow.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class AccountPrivacyBrowserTests(SupervisionSite site, BrowserFixture browser) : IClassFixture<SupervisionSite>
{
    [Fact]
    public async Task Sessions_your_data_and_the_administrators_export_pass_axe_with_their_errors()
    {
        var person = await site.CreateUserAsync(TestUsers.UniqueEmail("browser-privacy"));
        var page = await browser.NewPageAsync(site);
        await BrowserSignIn.SignInAsync(page, person.Email!);

        await page.GotoAsync("/account/security");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("This browser");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync("/account/my-data");
        await page.GetByRole(AriaRole.Button, new() { Name = "Download your data" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        var admin = await site.CreateUserAsync(TestUsers.UniqueEmail("browser-privacy-admin"), TestUsers.Password, PortalRoles.Administrator);
        var adminPage = await browser.NewPageAsync(site);
        await BrowserSignIn.SignInAsync(adminPage, admin.Email!);
        await adminPage.GotoAsync($"/manage/users/{person.Id}/personal-data");
        await Expect(adminPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Export personal data");
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Download their data" }).ClickAsync();
        await Expect(adminPage.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await adminPage.AssertNoAxeViolationsAsync();
    }
}
