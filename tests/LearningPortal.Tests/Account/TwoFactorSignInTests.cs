namespace LearningPortal.Tests.Account;

public class TwoFactorSignInTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    private const string LockedMessage = "You have entered the wrong code too many times. Try again in 15 minutes.";

    [Fact]
    public async Task Sign_in_with_two_factor_on_asks_for_the_code_after_the_password()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("second"));
        var key = await site.EnableAuthenticatorAsync(user.Email!);
        using var client = site.CreatePortalClient();

        var secondStep = await client.PasswordStepAsync(user.Email!, returnUrl: "/account");

        Assert.False(client.Cookies.ContainsKey("lp.auth"));
        var page = await client.GetDocumentAsync(secondStep);
        Assert.Equal("Enter the code from your authenticator app", page.Heading());
        Assert.NotNull(page.QuerySelector("a[href^='/account/sign-in/recovery-code']"));
        var response = await client.SubmitCodeAsync(secondStep, Totp.Code(key));
        Assert.Equal("/account", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task Second_step_without_a_password_first_goes_back_to_sign_in()
    {
        using var client = site.CreatePortalClient();

        var response = await client.GetAsync("/account/sign-in/two-factor");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("two-factor", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_codes_five_times_lock_the_account()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("codelock"));
        var key = await site.EnableAuthenticatorAsync(user.Email!);
        using var client = site.CreatePortalClient();
        var secondStep = await client.PasswordStepAsync(user.Email!);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await AccountTestData.ExpectPageAsync(await client.SubmitCodeAsync(secondStep, Totp.StaleCode(key)));
            Assert.Equal(["The code is not correct. Enter the code your authenticator app shows now"], wrong.ErrorSummary());
        }

        var fifth = await AccountTestData.ExpectPageAsync(await client.SubmitCodeAsync(secondStep, Totp.StaleCode(key)));
        var withRightCode = await AccountTestData.ExpectPageAsync(await client.SubmitCodeAsync(secondStep, Totp.Code(key)));

        Assert.Equal([LockedMessage], fifth.ErrorSummary());
        Assert.Equal([LockedMessage], withRightCode.ErrorSummary());
        Assert.False(client.Cookies.ContainsKey("lp.auth"));
    }

    [Fact]
    public async Task Each_recovery_code_signs_in_once()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("recovery"));
        await site.EnableAuthenticatorAsync(user.Email!);
        var codes = await site.NewRecoveryCodesAsync(user.Email!);

        using var first = site.CreatePortalClient();
        await first.PasswordStepAsync(user.Email!);
        var used = await first.SubmitFormAsync("/account/sign-in/recovery-code", new Dictionary<string, string> { ["RecoveryCode"] = codes[0].ToLowerInvariant() });
        using var second = site.CreatePortalClient();
        await second.PasswordStepAsync(user.Email!);
        var reused = await second.SubmitFormAsync("/account/sign-in/recovery-code", new Dictionary<string, string> { ["RecoveryCode"] = codes[0] });
        var another = await second.SubmitFormAsync("/account/sign-in/recovery-code", new Dictionary<string, string> { ["RecoveryCode"] = codes[1] });

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.True(first.Cookies.ContainsKey("lp.auth"));
        Assert.Equal(["The recovery code is not correct, or it has already been used"], (await AccountTestData.ExpectPageAsync(reused)).ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, another.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/supervision")).StatusCode);
    }

    [Fact]
    public async Task Wrong_recovery_codes_count_towards_lockout()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("recoverylock"));
        await site.EnableAuthenticatorAsync(user.Email!);
        var codes = await site.NewRecoveryCodesAsync(user.Email!);
        using var client = site.CreatePortalClient();
        await client.PasswordStepAsync(user.Email!);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.SubmitFormAsync("/account/sign-in/recovery-code", new Dictionary<string, string> { ["RecoveryCode"] = "AAAAA-BBBBB" });
        }

        var withRightCode = await client.SubmitFormAsync("/account/sign-in/recovery-code", new Dictionary<string, string> { ["RecoveryCode"] = codes[0] });
        Assert.Equal([LockedMessage], (await AccountTestData.ExpectPageAsync(withRightCode)).ErrorSummary());
    }

    [Fact]
    public async Task Empty_and_malformed_codes_are_explained()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("codeform"));
        await site.EnableAuthenticatorAsync(user.Email!);
        using var client = site.CreatePortalClient();
        var secondStep = await client.PasswordStepAsync(user.Email!);

        var empty = await AccountTestData.ExpectPageAsync(await client.SubmitCodeAsync(secondStep, ""));
        var letters = await AccountTestData.ExpectPageAsync(await client.SubmitCodeAsync(secondStep, "abc"));

        Assert.Equal(["Enter the 6-digit code from your authenticator app"], empty.ErrorSummary());
        Assert.Equal(["The code must be 6 digits"], letters.ErrorSummary());
        Assert.Equal("abc", letters.FieldValue("Code"));
    }
}
