namespace LearningPortal.Tests.Account;

public class AccountFormValidationTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, bool, string[]> EmptyForms => new()
    {
        { "/account/create", false, ["Enter your full name", "Enter your email address", "Select your agency", "Enter your job role", "Enter a password", "Confirm your password"] },
        { "/account/sign-in", false, ["Enter your email address", "Enter your password"] },
        { "/account/resend-confirmation", false, ["Enter your email address"] },
        { "/account/forgotten-password", false, ["Enter your email address"] },
        { "/account/change-details", true, ["Enter your full name", "Select your agency", "Enter your job role"] },
        { "/account/change-password", true, ["Enter your current password", "Enter a new password", "Confirm your new password"] },
        { "/account/change-email", true, ["Enter your new email address", "Enter your password"] },
        { "/account/delete", true, ["Enter your password"] },
    };

    [Theory]
    [MemberData(nameof(EmptyForms))]
    public async Task Form_posted_empty_shows_the_error_summary(string path, bool signedIn, string[] messages)
    {
        using var client = await ClientAsync(signedIn);

        var page = await AccountTestData.ExpectPageAsync(await client.SubmitEmptyFormAsync(path));

        Assert.Equal(messages, page.ErrorSummary());
        Assert.Equal("There is a problem", page.QuerySelector(".govuk-error-summary__title")!.TextContent.Trim());
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        foreach (var link in page.QuerySelectorAll(".govuk-error-summary__list a"))
        {
            Assert.NotNull(page.QuerySelector(link.GetAttribute("href")!));
        }
    }

    [Fact]
    public async Task Reset_password_form_posted_empty_shows_the_error_summary()
    {
        var email = TestUsers.UniqueEmail("emptyreset");
        await site.CreateUserAsync(email);
        using var client = site.CreatePortalClient();
        await client.SubmitFormAsync("/account/forgotten-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var link = AccountTestData.LinkIn(await site.WaitForEmailAsync(email, "Reset your password"), "/account/reset-password");

        var page = await AccountTestData.ExpectPageAsync(await client.SubmitEmptyFormAsync(link));

        Assert.Equal(["Enter a new password", "Confirm your new password"], page.ErrorSummary());
    }

    [Fact]
    public async Task Create_account_keeps_what_was_typed_when_the_email_is_missing()
    {
        using var client = site.CreatePortalClient();
        var agency = await site.AgencyIdAsync();
        var fields = AccountTestData.NewAccountFields("", TestUsers.Password, agency, "Jo Bloggs");

        var page = await AccountTestData.ExpectPageAsync(await client.SubmitFormAsync("/account/create", fields));

        Assert.Equal(["Enter your email address"], page.ErrorSummary());
        Assert.Equal("Jo Bloggs", page.FieldValue("Input.FullName"));
        Assert.Equal("Health visitor", page.FieldValue("Input.JobRole"));
        Assert.Equal(agency.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#Input-AgencyId option[selected]")!.GetAttribute("value"));
        Assert.Null(page.FieldValue("Input.Password"));
        Assert.Null(page.FieldValue("Input.ConfirmPassword"));
    }

    [Theory]
    [InlineData("/account/sign-in", "Input.Email")]
    [InlineData("/account/forgotten-password", "Input.Email")]
    [InlineData("/account/create", "Input.Email")]
    public async Task Email_in_the_wrong_format_is_refused_and_kept(string path, string field)
    {
        using var client = site.CreatePortalClient();

        var page = await AccountTestData.ExpectPageAsync(await client.SubmitFormAsync(path, new Dictionary<string, string> { [field] = "name.example.com" }));

        Assert.Contains("Enter an email address in the correct format, like name@example.com", page.ErrorSummary());
        Assert.Equal("name.example.com", page.FieldValue(field));
    }

    private async Task<PortalClient> ClientAsync(bool signedIn)
    {
        var client = site.CreatePortalClient();
        if (signedIn)
        {
            var email = TestUsers.UniqueEmail("forms");
            await site.CreateUserAsync(email);
            await client.SignInAsync(email);
        }

        return client;
    }
}
