namespace LearningPortal.Tests.Account;

public class ChangePasswordTests(QuickSessionRecheckSite site) : IClassFixture<QuickSessionRecheckSite>
{
    private const string NewPassword = "another fine passphrase 2026";

    [Fact]
    public async Task Change_password_ends_the_other_sessions_and_keeps_this_one()
    {
        var email = TestUsers.UniqueEmail("changer");
        await site.CreateUserAsync(email);
        using var here = site.CreatePortalClient();
        using var elsewhere = site.CreatePortalClient();
        await here.SignInAsync(email);
        await elsewhere.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/account")).StatusCode);

        var response = await here.SubmitFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestUsers.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmNewPassword"] = NewPassword,
        });
        Assert.Equal("/account?updated=password", response.Headers.Location!.OriginalString);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var otherSession = await elsewhere.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, otherSession.StatusCode);
        Assert.StartsWith("/account/sign-in", otherSession.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var thisSession = await here.GetDocumentAsync("/account?updated=password");
        Assert.Contains("Your password has been changed", thisSession.QuerySelector(".govuk-notification-banner")!.TextContent);
        await site.WaitForEmailAsync(email, "Your password has been changed");
        using var fresh = site.CreatePortalClient();
        await fresh.SignInAsync(email, NewPassword);
    }

    [Fact]
    public async Task Change_password_with_a_wrong_current_password_is_refused()
    {
        var email = TestUsers.UniqueEmail("wrongcurrent");
        await site.CreateUserAsync(email);
        using var client = site.CreatePortalClient();
        await client.SignInAsync(email);

        var page = await AccountTestData.ExpectPageAsync(await client.SubmitFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not my password at all",
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmNewPassword"] = NewPassword,
        }));

        Assert.Equal(["Your current password is incorrect"], page.ErrorSummary());
        using var fresh = site.CreatePortalClient();
        await fresh.SignInAsync(email);
    }

    [Fact]
    public async Task Change_password_refuses_a_common_new_password()
    {
        using var client = await site.SignedInClientAsync("commonnew");

        var page = await AccountTestData.ExpectPageAsync(await client.SubmitFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestUsers.Password,
            ["Input.NewPassword"] = "password1234",
            ["Input.ConfirmNewPassword"] = "password1234",
        }));

        Assert.Equal(["Password is too easy to guess. Choose a password that is not commonly used, such as three random words"], page.ErrorSummary());
    }
}
