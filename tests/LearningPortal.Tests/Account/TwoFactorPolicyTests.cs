namespace LearningPortal.Tests.Account;

/// <summary>PortalPolicies.TwoFactor, shown on the /Supervision folder (PagesServiceCollectionExtensions).</summary>
public class TwoFactorPolicyTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_user_without_two_factor_is_sent_to_set_it_up_and_then_back()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("nosetup"), TestUsers.Password, PortalRoles.Supervisor);
        using var client = site.CreatePortalClient();
        await client.SignInAsync(user.Email!);

        var response = await client.GetAsync("/supervision?tab=mine");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setUp = response.Headers.Location!.OriginalString;
        Assert.Equal("/account/two-factor?returnUrl=%2Fsupervision%3Ftab%3Dmine", setUp);
        var page = await client.GetDocumentAsync(setUp);
        var enabled = await client.SubmitFormAsync(page, setUp, new Dictionary<string, string> { ["Code"] = Totp.Code(page.SharedKey()) }, "#enable-form");
        var codes = await AccountTestData.ExpectPageAsync(enabled);
        Assert.Equal("/supervision?tab=mine", codes.QuerySelector("main a.govuk-button")!.GetAttribute("href"));
        var supervision = await client.GetDocumentAsync("/supervision?tab=mine");
        Assert.Equal("Supervision", supervision.Heading());
    }

    [Fact]
    public async Task A_session_that_did_not_use_the_second_factor_is_sent_to_the_second_step_and_then_back()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("pwdonly"));
        using var client = site.CreatePortalClient();
        await client.SignInAsync(user.Email!);
        var key = await site.EnableAuthenticatorAsync(user.Email!);

        var response = await client.GetAsync("/supervision");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var secondStep = response.Headers.Location!.OriginalString;
        Assert.Equal("/account/sign-in/two-factor?returnUrl=%2Fsupervision", secondStep);
        var done = await client.SubmitCodeAsync(secondStep, Totp.Code(key));
        Assert.Equal("/supervision", done.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/supervision")).StatusCode);
    }

    [Fact]
    public async Task A_user_signed_in_with_two_factor_gets_through()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("through"));
        using var client = site.CreatePortalClient();
        await client.SignInWithTwoFactorAsync(user.Email!);

        var page = await client.GetDocumentAsync("/supervision");

        Assert.Equal("Supervision", page.Heading());
        Assert.Contains("You have no supervision records yet.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_not_signed_in_is_asked_to_sign_in()
    {
        using var client = site.CreatePortalClient();

        var response = await client.GetAsync("/supervision");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

public class TwoFactorSessionRecheckTests(QuickSessionRecheckSite site) : IClassFixture<QuickSessionRecheckSite>
{
    [Fact]
    public async Task Second_factor_survives_the_session_recheck()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("recheck"));
        using var client = site.CreatePortalClient();
        await client.SignInWithTwoFactorAsync(user.Email!);

        var first = await client.GetAsync("/supervision");
        // Past the re-check interval, so the next request rebuilds the session from the database.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var second = await client.GetAsync("/supervision");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var third = await client.GetAsync("/supervision");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }
}
