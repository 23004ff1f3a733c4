namespace LearningPortal.Tests.Account;

public class ForgottenPasswordTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "a brand new passphrase for me";

    [Fact]
    public async Task Forgotten_password_emails_a_link_that_sets_a_new_password()
    {
        var email = TestUsers.UniqueEmail("forgot");
        await site.CreateUserAsync(email);
        using var client = site.CreatePortalClient();

        var response = await client.SubmitFormAsync("/account/forgotten-password", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal("/account/check-your-email?about=password-reset", response.Headers.Location!.OriginalString);
        var link = AccountTestData.LinkIn(await site.WaitForEmailAsync(email, "Reset your password"), "/account/reset-password");
        var reset = await client.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Assert.Equal("/account/password-reset-complete", reset.Headers.Location!.OriginalString);
        await site.WaitForEmailAsync(email, "Your password has been changed");
        await client.SignInAsync(email, NewPassword);
        using var other = site.CreatePortalClient();
        var oldPassword = await AccountTestData.ExpectPageAsync(await other.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestUsers.Password,
        }));
        Assert.Equal(["Enter a correct email address and password"], oldPassword.ErrorSummary());
        Assert.Equal("This link does not work", (await client.GetDocumentAsync(link)).Heading());
    }

    [Fact]
    public async Task Forgotten_password_for_an_unknown_address_says_the_same_and_sends_nothing()
    {
        var email = TestUsers.UniqueEmail("unknown");
        using var client = site.CreatePortalClient();

        var response = await client.SubmitFormAsync("/account/forgotten-password", new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/check-your-email?about=password-reset", response.Headers.Location!.OriginalString);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.DoesNotContain(site.Smtp.Messages, m => AccountTestData.IsTo(m, email));
    }

    [Fact]
    public async Task Reset_password_lifts_a_lockout()
    {
        var email = TestUsers.UniqueEmail("relock");
        await site.CreateUserAsync(email);
        using var client = site.CreatePortalClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "wrong password" });
        }

        await client.SubmitFormAsync("/account/forgotten-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var link = AccountTestData.LinkIn(await site.WaitForEmailAsync(email, "Reset your password"), "/account/reset-password");
        await client.SubmitFormAsync(link, new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });

        await client.SignInAsync(email, NewPassword);
    }

    [Fact]
    public async Task Reset_password_with_a_tampered_link_says_it_does_not_work()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("badlink"));
        using var client = site.CreatePortalClient();

        var page = await client.GetDocumentAsync($"/account/reset-password?userId={user.Id}&code=bm90LWEtdG9rZW4");

        Assert.Equal("This link does not work", page.Heading());
        Assert.Null(page.QuerySelector("main form"));
    }
}
