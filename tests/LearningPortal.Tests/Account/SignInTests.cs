namespace LearningPortal.Tests.Account;

public class SignInTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    private const string WrongMessage = "Enter a correct email address and password";

    [Fact]
    public async Task Sign_in_with_wrong_password_five_times_locks_the_account_and_tells_only_its_owner()
    {
        var email = TestUsers.UniqueEmail("lock");
        await site.CreateUserAsync(email);
        using var client = site.CreatePortalClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await AccountTestData.ExpectPageAsync(await SignInAsync(client, email, "not the right password"));
            Assert.Equal(["Enter a correct email address and password"], wrong.ErrorSummary());
        }

        var fifth = await AccountTestData.ExpectPageAsync(await SignInAsync(client, email, "not the right password"));
        var withRightPassword = await AccountTestData.ExpectPageAsync(await SignInAsync(client, email, TestUsers.Password));

        // The page answers a locked account as it answers a wrong password; the owner hears of the lockout by email.
        Assert.Equal([WrongMessage], fifth.ErrorSummary());
        Assert.Equal([WrongMessage], withRightPassword.ErrorSummary());
        Assert.Equal(email, withRightPassword.FieldValue("Input.Email"));
        Assert.False(client.Cookies.ContainsKey("lp.auth"));
        var notice = await site.WaitForEmailAsync(email, "Your Learning Portal account is locked for 15 minutes");
        Assert.Contains("even with the right password", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("/account/forgotten-password", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_with_an_unknown_address_says_the_same_as_a_wrong_password()
    {
        using var client = site.CreatePortalClient();

        var page = await AccountTestData.ExpectPageAsync(await SignInAsync(client, TestUsers.UniqueEmail("nobody"), TestUsers.Password));

        Assert.Equal(["Enter a correct email address and password"], page.ErrorSummary());
    }

    [Fact]
    public async Task Sign_in_to_a_disabled_account_says_it_is_disabled()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("disabled"));
        await site.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        using var client = site.CreatePortalClient();

        var page = await AccountTestData.ExpectPageAsync(await SignInAsync(client, user.Email!, TestUsers.Password));

        Assert.Equal(["Your account has been disabled. Contact the partnership's business unit if you think this is wrong"], page.ErrorSummary());
        Assert.False(client.Cookies.ContainsKey("lp.auth"));
    }

    [Fact]
    public async Task Sign_in_records_the_time_and_goes_to_a_local_return_address()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("return"));
        using var client = site.CreatePortalClient();
        var before = DateTime.UtcNow.AddSeconds(-1);

        var challenge = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var signInPath = challenge.Headers.Location!.PathAndQuery;
        Assert.StartsWith("/account/sign-in?ReturnUrl=", signInPath, StringComparison.Ordinal);
        var response = await client.SubmitFormAsync(signInPath, new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = TestUsers.Password,
        });

        Assert.Equal("/account", response.Headers.Location!.OriginalString);
        await site.WithDbAsync(async db =>
            Assert.True((await db.Users.SingleAsync(u => u.Id == user.Id)).LastSignInUtc >= before));
    }

    [Fact]
    public async Task Sign_in_ignores_a_return_address_on_another_site()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("offsite"));
        using var client = site.CreatePortalClient();

        var response = await client.SubmitFormAsync("/account/sign-in?ReturnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = TestUsers.Password,
        });

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_out_ends_the_session_and_says_so()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("signout"));
        using var client = site.CreatePortalClient();
        await client.SignInAsync(user.Email!);
        var accountPage = await client.GetDocumentAsync("/account");

        var response = await client.SubmitFormAsync(accountPage, "/account", new Dictionary<string, string>(), "form[action='/account/sign-out']");

        Assert.Equal("/account/signed-out", response.Headers.Location!.OriginalString);
        Assert.False(client.Cookies.ContainsKey("lp.auth"));
        Assert.Equal("You have signed out", (await client.GetDocumentAsync("/account/signed-out")).Heading());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task Access_denied_page_says_the_account_does_not_give_access()
    {
        using var client = site.CreatePortalClient();

        var response = await client.GetAsync("/account/access-denied");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("You do not have permission to view this page", (await PortalClient.ParseAsync(response)).Heading());
    }

    private static Task<HttpResponseMessage> SignInAsync(PortalClient client, string email, string password) =>
        client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
}
