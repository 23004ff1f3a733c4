namespace LearningPortal.Tests.Site;

/// <summary>The layout as a signed-in user sees it: the sign-out button sits in the service navigation.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class SignedInLayoutBrowserTests(BrowserFixture browser, PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Signed_in_layout_with_its_sign_out_button_has_no_accessibility_or_csp_violations()
    {
        var email = TestUsers.UniqueEmail("layout");
        await site.CreateUserAsync(email);
        var page = await browser.NewPageAsync(site);
        var problems = await SiteShellBrowserTests.WatchForProblemsAsync(page);

        await BrowserSignIn.SignInAsync(page, email);

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Your account" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }
}
