using static Microsoft.Playwright.Assertions;

namespace LearningPortal.Tests.Account;

[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class TwoFactorBrowserTests(PortalFactory site, BrowserFixture browser) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Authenticator_set_up_then_sign_in_with_a_recovery_code_in_the_browser()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("tfbrowser"));
        var page = await browser.SignedInPageAsync(site, user.Email!);
        await Expect(page).ToHaveURLAsync(site.BaseAddress.ToString());

        await page.GotoAsync("/supervision");
        await ExpectHeadingAsync(page, "Set up two-factor sign-in");
        await page.AssertNoAxeViolationsAsync();
        var key = (await page.Locator("#shared-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await ExpectHeadingAsync(page, "Save your recovery codes");
        await page.AssertNoAxeViolationsAsync();
        var codes = await page.Locator("#recovery-codes li").AllTextContentsAsync();
        Assert.Equal(10, codes.Count);
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
        await ExpectHeadingAsync(page, "Supervision");
        await page.AssertNoAxeViolationsAsync();

        var later = await browser.SignedInPageAsync(site, user.Email!);
        await ExpectHeadingAsync(later, "Enter the code from your authenticator app");
        await later.AssertNoAxeViolationsAsync();
        await later.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await ExpectHeadingAsync(later, "Enter the code from your authenticator app");
        await Expect(later.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the 6-digit code from your authenticator app");
        await later.AssertNoAxeViolationsAsync();
        await later.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code instead" }).ClickAsync();
        await ExpectHeadingAsync(later, "Enter a recovery code");
        await later.AssertNoAxeViolationsAsync();
        await later.GetByLabel("Recovery code").FillAsync(codes[3].Trim());
        await later.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(later).ToHaveURLAsync(site.BaseAddress.ToString());

        await later.GotoAsync("/account/two-factor");
        await ExpectHeadingAsync(later, "Two-factor sign-in");
        await Expect(later.GetByRole(AriaRole.Main)).ToContainTextAsync("9 left");
        await later.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Helper_signs_in_with_two_factor_in_the_browser()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("tfhelper"));
        var page = await browser.NewPageAsync(site);

        await BrowserSignIn.SignInWithTwoFactorAsync(page, site, user.Email!);

        await page.GotoAsync("/supervision");
        await ExpectHeadingAsync(page, "Supervision");
    }

    [Fact]
    public async Task Passkey_registered_on_the_set_up_page_signs_in_with_two_factors()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("passkey"));
        // WebAuthn refuses IP addresses as relying party, so this test uses the site by name.
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = $"http://localhost:{site.BaseAddress.Port}",
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await AddVirtualAuthenticatorAsync(page);
        var home = $"http://localhost:{site.BaseAddress.Port}/";
        await BrowserSignIn.SignInAsync(page, user.Email!);
        await Expect(page).ToHaveURLAsync(home);

        await page.GotoAsync("/supervision");
        await ExpectHeadingAsync(page, "Set up two-factor sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a passkey" }).ClickAsync();
        await ExpectHeadingAsync(page, "Supervision");
        await page.AssertNoAxeViolationsAsync();
        var added = await site.WaitForEmailAsync(user.Email!, "A passkey has been added to your account");
        Assert.Contains("A passkey called \"Passkey added ", added.TextBody, StringComparison.Ordinal);

        // Signed in with the password alone, the passkey is asked for before supervision.
        await context.ClearCookiesAsync();
        await BrowserSignIn.SignInAsync(page, user.Email!);
        await Expect(page).ToHaveURLAsync(home);
        await page.GotoAsync("/supervision");
        await ExpectHeadingAsync(page, "Use your passkey");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Use your passkey" }).ClickAsync();
        await ExpectHeadingAsync(page, "Supervision");

        // The passkey alone signs in, and counts as two factors.
        await context.ClearCookiesAsync();
        await page.GotoAsync("/account/sign-in?ReturnUrl=%2Fsupervision");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
        await ExpectHeadingAsync(page, "Supervision");
        await page.AssertNoAxeViolationsAsync();

        // Rename it, then remove it: the last second factor, so two-factor sign-in goes off.
        await page.GotoAsync("/account/two-factor");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Rename ") }).ClickAsync();
        await ExpectHeadingAsync(page, "Rename your passkey");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Rename your passkey").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save name" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a name for your passkey");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Rename your passkey").FillAsync("My laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save name" }).ClickAsync();
        await Expect(page.Locator("#passkeys dt")).ToHaveTextAsync("My laptop");
        await page.GetByRole(AriaRole.Link, new() { Name = "Remove My laptop" }).ClickAsync();
        await ExpectHeadingAsync(page, "Are you sure you want to remove this passkey?");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove passkey" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your password");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Enter your password to confirm").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove passkey" }).ClickAsync();
        await ExpectHeadingAsync(page, "Set up two-factor sign-in");
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Two-factor sign-in is off");
        await page.AssertNoAxeViolationsAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_resets_two_factor_sign_in_in_the_browser()
    {
        var admin = await site.CreateUserAsync(TestUsers.UniqueEmail("tfadmin"), TestUsers.Password, PortalRoles.Administrator);
        var person = await site.CreateUserAsync(TestUsers.UniqueEmail("tfreset"));
        await site.EnableAuthenticatorAsync(person.Email!);
        var page = await browser.NewPageAsync(site);
        await BrowserSignIn.SignInWithTwoFactorAsync(page, site, admin.Email!);

        await page.GotoAsync($"/manage/users/{person.Id}");
        await Expect(page.Locator("#two-factor")).ToHaveTextAsync("Authenticator app");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Reset two-factor sign-in" }).ClickAsync();
        await ExpectHeadingAsync(page, "Reset two-factor sign-in");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset two-factor sign-in" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reason for resetting two-factor sign-in");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Reason").FillAsync("Lost phone; called them back on their desk number");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset two-factor sign-in" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Two-factor sign-in reset");
        await Expect(page.Locator("#two-factor")).ToHaveTextAsync("Not set up");
        await page.AssertNoAxeViolationsAsync();
    }

    /// <summary>Chromium's virtual authenticator (DevTools protocol): a platform authenticator that verifies the user.</summary>
    private static async Task AddVirtualAuthenticatorAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }

    private static Task ExpectHeadingAsync(IPage page, string text) =>
        Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(text);
}
