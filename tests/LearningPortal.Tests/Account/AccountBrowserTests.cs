using static Microsoft.Playwright.Assertions;

namespace LearningPortal.Tests.Account;

[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class AccountBrowserTests(PortalFactory site, BrowserFixture browser) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Create_account_confirm_sign_in_and_sign_out_in_the_browser()
    {
        var email = TestUsers.UniqueEmail("browser");
        var page = await browser.NewPageAsync(site);

        await page.GotoAsync("/account/create");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Full name").FillAsync("Priya Shah");
        await page.GetByLabel("Work email address").FillAsync(email);
        await page.GetByLabel("Agency").SelectOptionAsync(new SelectOptionValue { Label = "0-19 Public Health Service" });
        await page.GetByLabel("Job role").FillAsync("School nurse");
        await page.GetByLabel("Create a password", new() { Exact = true }).FillAsync(TestUsers.Password);
        await page.GetByLabel("Confirm your password", new() { Exact = true }).FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await ExpectHeadingAsync(page, "Check your email");

        var link = AccountTestData.LinkIn(await site.WaitForEmailAsync(email, "Confirm your email address"), "/account/confirm-email");
        await page.GotoAsync(link);
        await ExpectHeadingAsync(page, "Email address confirmed");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).First.ClickAsync();
        await ExpectHeadingAsync(page, "Sign in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.BaseAddress.ToString());
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Your account" }).ClickAsync();
        await ExpectHeadingAsync(page, "Your account");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Priya Shah");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await ExpectHeadingAsync(page, "You have signed out");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_in_the_browser()
    {
        var email = TestUsers.UniqueEmail("browserlock");
        await site.CreateUserAsync(email);
        var page = await browser.NewPageAsync(site);
        await page.GotoAsync("/account/sign-in");
        await page.AssertNoAxeViolationsAsync();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await page.GetByLabel("Email address").FillAsync(email);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync("not the right password");
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        }

        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a correct email address and password");
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: Sign in"));
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Account_pages_and_their_error_messages_have_no_accessibility_violations()
    {
        var email = TestUsers.UniqueEmail("browserpages");
        await site.CreateUserAsync(email);
        var page = await browser.NewPageAsync(site);
        foreach (var path in new[] { "/account/resend-confirmation", "/account/forgotten-password", "/account/create" })
        {
            await CheckPageAndItsErrorsAsync(page, path);
        }

        await page.GotoAsync("/account/check-your-email?about=password-reset");
        await page.AssertNoAxeViolationsAsync();
        await page.GotoAsync("/account/confirm-email?userId=nobody&code=nothing");
        await page.AssertNoAxeViolationsAsync();
        await page.GotoAsync("/account/access-denied");
        await page.AssertNoAxeViolationsAsync();

        await BrowserSignIn.SignInAsync(page, email);
        await Expect(page).ToHaveURLAsync(site.BaseAddress.ToString());
        await page.GotoAsync("/account?updated=details");
        await page.AssertNoAxeViolationsAsync();
        foreach (var path in new[] { "/account/change-details", "/account/change-password", "/account/change-email", "/account/delete" })
        {
            await CheckPageAndItsErrorsAsync(page, path);
        }
    }

    /// <summary>Opens the page, checks it, clears the form and submits it, and checks the page with its errors.</summary>
    private static async Task CheckPageAndItsErrorsAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.AssertNoAxeViolationsAsync();
        var form = page.GetByRole(AriaRole.Main).Locator("form");
        foreach (var field in await form.Locator("input:not([type=hidden]), textarea").AllAsync())
        {
            await field.FillAsync("");
        }

        foreach (var select in await form.Locator("select").AllAsync())
        {
            await select.SelectOptionAsync(new SelectOptionValue { Index = 0 });
        }

        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
    }

    private static async Task ExpectHeadingAsync(IPage page, string heading)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
    }
}
