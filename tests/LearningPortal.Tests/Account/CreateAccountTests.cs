namespace LearningPortal.Tests.Account;

public class CreateAccountTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Create_account_emails_a_confirmation_link_and_the_confirmed_account_can_sign_in()
    {
        using var client = site.CreatePortalClient();
        var email = TestUsers.UniqueEmail("new");

        var response = await client.SubmitFormAsync("/account/create", AccountTestData.NewAccountFields(email, TestUsers.Password, await site.AgencyIdAsync()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/check-your-email?about=new-account", response.Headers.Location!.OriginalString);
        Assert.Equal("Check your email", (await client.GetDocumentAsync("/account/check-your-email?about=new-account")).Heading());

        var message = await site.WaitForEmailAsync(email, "Confirm your email address");
        var link = AccountTestData.LinkIn(message, "/account/confirm-email");
        Assert.StartsWith(site.BaseAddress.ToString().TrimEnd('/'), link, StringComparison.Ordinal);
        var confirmed = await client.GetDocumentAsync(link);
        Assert.Equal("Email address confirmed", confirmed.Heading());

        await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
        await site.WithDbAsync(async db =>
        {
            var user = await db.Users.Include(u => u.Agency).SingleAsync(u => u.Email == email);
            Assert.True(user.EmailConfirmed);
            Assert.Equal(email, user.UserName);
            Assert.Equal("Sam Taylor", user.DisplayName);
            Assert.Equal("Health visitor", user.JobRole);
            Assert.Equal("Police", user.Agency!.Name);
            Assert.NotNull(user.LastSignInUtc);
            var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
            Assert.Equal([PortalRoles.Practitioner], roles);
        });
    }

    [Fact]
    public async Task Sign_in_before_confirming_the_email_is_refused_and_offers_to_resend()
    {
        using var client = site.CreatePortalClient();
        var email = TestUsers.UniqueEmail("unconfirmed");
        await site.CreateAccountThroughFormAsync(client, email);

        var response = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestUsers.Password,
        });

        var page = await AccountTestData.ExpectPageAsync(response);
        Assert.Contains("You need to confirm your email address before you can sign in", page.ErrorSummary());
        Assert.NotNull(page.QuerySelector("main a[href='/account/resend-confirmation']"));
        Assert.False(client.Cookies.ContainsKey("lp.auth"));
    }

    [Fact]
    public async Task Create_account_with_an_address_that_has_an_account_says_the_same_and_emails_the_owner()
    {
        using var client = site.CreatePortalClient();
        var email = TestUsers.UniqueEmail("taken");
        await site.CreateUserAsync(email);

        var response = await client.SubmitFormAsync("/account/create", AccountTestData.NewAccountFields(email, "a different long passphrase", await site.AgencyIdAsync(), "Someone Else"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/check-your-email?about=new-account", response.Headers.Location!.OriginalString);
        var message = await site.WaitForEmailAsync(email, "You already have a Learning Portal account");
        AccountTestData.LinkIn(message, "/account/forgotten-password");
        await site.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            Assert.NotEqual("Someone Else", user.DisplayName);
        });
        await client.SignInAsync(email);
    }

    [Theory]
    [InlineData("password1234", "Password is too easy to guess. Choose a password that is not commonly used, such as three random words")]
    [InlineData("abcdefghijk", "Password must be 12 characters or more")]
    public async Task Create_account_refuses_a_weak_password_with_the_reason(string password, string message)
    {
        using var client = site.CreatePortalClient();
        var email = TestUsers.UniqueEmail("weak");

        var response = await client.SubmitFormAsync("/account/create", AccountTestData.NewAccountFields(email, password, await site.AgencyIdAsync()));

        var page = await AccountTestData.ExpectPageAsync(response);
        Assert.Equal([message], page.ErrorSummary());
        Assert.Equal(message, page.QuerySelector("#Input-Password-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim());
        Assert.Equal(email, page.FieldValue("Input.Email"));
        Assert.Null(page.FieldValue("Input.Password"));
        await site.WithDbAsync(async db => Assert.False(await db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Create_account_refuses_a_confirmation_that_does_not_match()
    {
        using var client = site.CreatePortalClient();
        var fields = AccountTestData.NewAccountFields(TestUsers.UniqueEmail("mismatch"), TestUsers.Password, await site.AgencyIdAsync());
        fields["Input.ConfirmPassword"] = TestUsers.Password + "!";

        var page = await AccountTestData.ExpectPageAsync(await client.SubmitFormAsync("/account/create", fields));

        Assert.Equal(["Passwords do not match"], page.ErrorSummary());
    }

    [Fact]
    public async Task Create_account_offers_active_agencies_in_the_partnership_order()
    {
        await site.WithDbAsync(async db =>
        {
            db.Agencies.Add(new Agency { Name = "Retired agency", IsActive = false, SortOrder = -1 });
            db.Agencies.Add(new Agency { Name = "First agency", SortOrder = -2 });
            await db.SaveChangesAsync();
        });
        using var client = site.CreatePortalClient();

        var page = await client.GetDocumentAsync("/account/create");

        var options = page.QuerySelectorAll("#Input-AgencyId option").Select(o => o.TextContent).ToList();
        Assert.Equal("Select your agency", options[0]);
        Assert.Equal("First agency", options[1]);
        Assert.DoesNotContain("Retired agency", options);
        Assert.Contains("Police", options);
    }

    [Fact]
    public async Task Resend_confirmation_sends_a_new_link_that_confirms_the_email()
    {
        using var client = site.CreatePortalClient();
        var email = TestUsers.UniqueEmail("resend");
        await site.CreateAccountThroughFormAsync(client, email);

        var response = await client.SubmitFormAsync("/account/resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal("/account/check-your-email?about=new-account", response.Headers.Location!.OriginalString);
        await site.Smtp.WaitForMessageAsync(m => AccountTestData.IsTo(m, email) && m.Subject == "Confirm your email address"
            && site.Smtp.Messages.Count(x => AccountTestData.IsTo(x, email)) == 2);
        var latest = site.Smtp.Messages.Last(m => AccountTestData.IsTo(m, email));
        Assert.Equal("Email address confirmed", (await client.GetDocumentAsync(AccountTestData.LinkIn(latest, "/account/confirm-email"))).Heading());
        await client.SignInAsync(email);
    }

    [Fact]
    public async Task Confirm_email_with_a_tampered_code_says_the_link_does_not_work()
    {
        using var client = site.CreatePortalClient();
        var link = await site.CreateAccountThroughFormAsync(client, TestUsers.UniqueEmail("tampered"));

        var page = await client.GetDocumentAsync(link.Replace("code=", "code=x", StringComparison.Ordinal));

        Assert.Equal("This link does not work", page.Heading());
    }
}
