using LearningPortal.Tests.Manage;

namespace LearningPortal.Tests.Account;

/// <summary>Each change to someone's two-factor sign-in is emailed to them (real SMTP) and audited.</summary>
public class TwoFactorEmailTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    private const string Settings = "/account/two-factor";

    [Fact]
    public async Task Turning_two_factor_on_emails_the_account_holder_and_audits_it()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("mailon"));
        using var client = site.CreatePortalClient();
        await client.SignInAsync(user.Email!);
        var page = await client.GetDocumentAsync(Settings);

        await client.SubmitFormAsync(page, Settings, new Dictionary<string, string> { ["Code"] = Totp.Code(page.SharedKey()) }, "#enable-form");

        var email = await site.WaitForEmailAsync(user.Email!, "Two-factor sign-in has been turned on");
        Assert.Contains("An authenticator app was set up for two-factor sign-in on your account on ", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("(UK time)", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("If this was not you", email.TextBody, StringComparison.Ordinal);
        AccountTestData.LinkIn(email, "/account/forgotten-password");
        Assert.Single(await site.AuditEntriesAsync("user", user.Id), e => e.Action == "user.two-factor-on");
    }

    [Fact]
    public async Task New_recovery_codes_are_emailed_about_and_audited()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("mailcodes"));
        using var client = site.CreatePortalClient();
        await client.SignInWithTwoFactorAsync(user.Email!);

        await client.SubmitFormAsync(Settings, new Dictionary<string, string>(), "#recovery-codes-form");

        var email = await site.WaitForEmailAsync(user.Email!, "You have new recovery codes");
        Assert.Contains("New recovery codes were made for your account, and the old ones stopped working on ", email.TextBody, StringComparison.Ordinal);
        Assert.Single(await site.AuditEntriesAsync("user", user.Id), e => e.Action == "user.recovery-codes");
    }

    [Fact]
    public async Task Turning_two_factor_off_emails_the_account_holder_and_audits_it()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("mailoff"));
        using var client = site.CreatePortalClient();
        await client.SignInWithTwoFactorAsync(user.Email!);

        var response = await client.SubmitFormAsync(Settings, new Dictionary<string, string> { ["Password"] = TestUsers.Password }, "#disable-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var email = await site.WaitForEmailAsync(user.Email!, "Two-factor sign-in has been turned off");
        Assert.Contains("Two-factor sign-in with an authenticator app was turned off on your account", email.TextBody, StringComparison.Ordinal);
        Assert.Single(await site.AuditEntriesAsync("user", user.Id), e => e.Action == "user.two-factor-off");
        var supervision = await client.GetAsync("/supervision");
        Assert.Equal("/account/two-factor?returnUrl=%2Fsupervision", supervision.Headers.Location!.OriginalString);
    }
}
