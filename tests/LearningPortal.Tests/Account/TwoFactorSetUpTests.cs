namespace LearningPortal.Tests.Account;

public class TwoFactorSetUpTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    private const string SetUp = "/account/two-factor";

    [Fact]
    public async Task Set_up_with_a_valid_code_turns_two_factor_on_and_shows_ten_recovery_codes_once()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("setup"));
        using var client = site.CreatePortalClient();
        await client.SignInAsync(user.Email!);
        var page = await client.GetDocumentAsync(SetUp);
        var key = page.SharedKey();

        var response = await client.SubmitFormAsync(page, SetUp, new Dictionary<string, string> { ["Code"] = Totp.Code(key) }, "#enable-form");

        var done = await AccountTestData.ExpectPageAsync(response);
        Assert.Equal("Save your recovery codes", done.Heading());
        Assert.Equal(10, done.RecoveryCodes().Distinct().Count());
        Assert.True(await site.TwoFactorEnabledAsync(user.Email!));
        Assert.Empty((await client.GetDocumentAsync(SetUp)).RecoveryCodes());
    }

    [Fact]
    public async Task Set_up_page_shows_the_key_in_groups_and_a_QR_code_of_the_otpauth_address()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("qr"));
        using var client = site.CreatePortalClient();
        await client.SignInAsync(user.Email!);

        var page = await client.GetDocumentAsync(SetUp);

        var shown = page.QuerySelector("#shared-key")!.TextContent;
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", shown);
        var qr = page.QuerySelector("main img")!;
        Assert.StartsWith("data:image/png;base64,", qr.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Contains("QR code", qr.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.Equal(page.SharedKey(), (await client.GetDocumentAsync(SetUp)).SharedKey());
    }

    [Theory]
    [InlineData("", "Enter the 6-digit code from your authenticator app")]
    [InlineData("12ab56", "The code must be 6 digits")]
    [InlineData("stale", "The code is not correct. Check your authenticator app and enter the code it shows now")]
    public async Task Set_up_with_a_wrong_code_is_refused_with_an_error_summary(string code, string error)
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("wrongcode"));
        using var client = site.CreatePortalClient();
        await client.SignInAsync(user.Email!);
        var page = await client.GetDocumentAsync(SetUp);
        if (code == "stale")
        {
            code = Totp.StaleCode(page.SharedKey());
        }

        var response = await client.SubmitFormAsync(page, SetUp, new Dictionary<string, string> { ["Code"] = code }, "#enable-form");

        var again = await AccountTestData.ExpectPageAsync(response);
        Assert.Equal([error], again.ErrorSummary());
        Assert.Equal(code, again.FieldValue("Code") ?? "");
        Assert.False(await site.TwoFactorEnabledAsync(user.Email!));
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("regen"));
        using var client = site.CreatePortalClient();
        await client.SignInWithTwoFactorAsync(user.Email!);
        var old = await site.NewRecoveryCodesAsync(user.Email!);

        var response = await client.SubmitFormAsync(SetUp, new Dictionary<string, string>(), "#recovery-codes-form");

        var page = await AccountTestData.ExpectPageAsync(response);
        var fresh = page.RecoveryCodes();
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(old));
        using var other = site.CreatePortalClient();
        var secondStep = await other.PasswordStepAsync(user.Email!);
        var withOld = await other.SubmitFormAsync("/account/sign-in/recovery-code", new Dictionary<string, string> { ["RecoveryCode"] = old[0] });
        Assert.Equal(["The recovery code is not correct, or it has already been used"], (await AccountTestData.ExpectPageAsync(withOld)).ErrorSummary());
        Assert.StartsWith("/account/sign-in/two-factor", secondStep, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turning_two_factor_off_needs_the_password()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("off"));
        using var client = site.CreatePortalClient();
        await client.SignInWithTwoFactorAsync(user.Email!);

        var wrong = await client.SubmitFormAsync(SetUp, new Dictionary<string, string> { ["Password"] = "not the right password" }, "#disable-form");
        Assert.Equal(["Your password is incorrect"], (await AccountTestData.ExpectPageAsync(wrong)).ErrorSummary());
        Assert.True(await site.TwoFactorEnabledAsync(user.Email!));

        var right = await client.SubmitFormAsync(SetUp, new Dictionary<string, string> { ["Password"] = TestUsers.Password }, "#disable-form");

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.False(await site.TwoFactorEnabledAsync(user.Email!));
        using var later = site.CreatePortalClient();
        await later.SignInAsync(user.Email!);
    }

    [Fact]
    public async Task Settings_of_an_account_with_two_factor_need_a_session_that_used_it()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("guard"));
        using var client = site.CreatePortalClient();
        await client.SignInAsync(user.Email!);
        await site.EnableAuthenticatorAsync(user.Email!);

        var response = await client.GetAsync(SetUp);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in/two-factor?returnUrl=%2Faccount%2Ftwo-factor", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Account_overview_says_whether_two_factor_is_set_up_and_links_to_it()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("overview2fa"));
        using var client = site.CreatePortalClient();
        await client.SignInAsync(user.Email!);
        var before = TwoFactorRow(await client.GetDocumentAsync("/account"));

        using var later = site.CreatePortalClient();
        await later.SignInWithTwoFactorAsync(user.Email!);
        var page = await later.GetDocumentAsync("/account");

        Assert.Equal("Not set up", before);
        Assert.Equal("Authenticator app", TwoFactorRow(page));
        Assert.NotNull(page.QuerySelector("main a[href='/account/two-factor']"));
    }

    private static string TwoFactorRow(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-summary-list__row")
            .Single(r => r.QuerySelector("dt")!.TextContent.Trim() == "Two-factor sign-in")
            .QuerySelector(".govuk-summary-list__value")!.TextContent.Trim();
}
