using LearningPortal.Tests.Supervision;
using static Microsoft.Playwright.Assertions;

namespace LearningPortal.Tests.Account;

/// <summary>
/// The sessions, download-your-data and Administrator's export pages, and undoing an email change from the old address,
/// in a browser: axe and 320 px reflow.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class AccountPrivacyBrowserTests(SupervisionSite site, BrowserFixture browser) : IClassFixture<SupervisionSite>
{
    [Fact]
    public async Task Sessions_your_data_and_the_administrators_export_pass_axe_with_their_errors()
    {
        var person = await site.CreateUserAsync(TestUsers.UniqueEmail("browser-privacy"));
        var page = await browser.SignedInPageAsync(site, person.Email!);

        await page.GotoAsync("/account/security");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("This browser");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync("/account/my-data");
        await page.GetByRole(AriaRole.Button, new() { Name = "Download your data" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        var admin = await site.CreateUserAsync(TestUsers.UniqueEmail("browser-privacy-admin"), TestUsers.Password, PortalRoles.Administrator);
        var adminPage = await browser.SignedInPageAsync(site, admin.Email!);
        await adminPage.GotoAsync($"/manage/users/{person.Id}/personal-data");
        await Expect(adminPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Export personal data");
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Download their data" }).ClickAsync();
        await Expect(adminPage.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await adminPage.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Undoing_an_email_change_from_the_old_address_passes_axe()
    {
        var oldEmail = TestUsers.UniqueEmail("browser-undo");
        var newEmail = TestUsers.UniqueEmail("browser-undo-new");
        await site.CreateUserAsync(oldEmail);
        using (var client = site.CreatePortalClient())
        {
            await client.SignInAsync(oldEmail);
            await client.SubmitFormAsync("/account/change-email", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail, ["Input.Password"] = TestUsers.Password });
            await client.GetAsync(AccountTestData.LinkIn(await site.WaitForEmailAsync(newEmail, "Confirm your new email address"), "/account/confirm-email-change"));
        }

        var undo = AccountTestData.LinkIn(await site.WaitForEmailAsync(oldEmail, "Your email address has been changed"), "/account/undo-email-change");
        var page = await browser.NewPageAsync(site);

        await page.GotoAsync(undo);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Undo the change to your email address");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Change my email address back" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your email address has been changed back");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Choose a new password" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        // The same link again: used up.
        await page.GotoAsync(undo);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("Undo the change to your email address");
        await page.AssertNoAxeViolationsAsync();
    }
}
