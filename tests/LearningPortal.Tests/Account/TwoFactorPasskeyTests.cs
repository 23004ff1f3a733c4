using LearningPortal.Tests.Manage;

namespace LearningPortal.Tests.Account;

/// <summary>Renaming and removing passkeys on /account/two-factor. Sessions are re-checked every second here.</summary>
public class TwoFactorPasskeyTests(QuickSessionRecheckSite site) : IClassFixture<QuickSessionRecheckSite>
{
    private const string Settings = "/account/two-factor";

    [Fact]
    public async Task Two_factor_page_lists_each_passkey_with_its_name_and_when_it_was_added_with_rename_and_remove_links()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("pklist"));
        using var client = site.CreatePortalClient();
        await client.SignInWithTwoFactorAsync(user.Email!);
        var id = await site.AddPasskeyAsync(user.Email!, "Work laptop", new DateTimeOffset(2026, 3, 29, 10, 15, 0, TimeSpan.Zero));

        var page = await client.GetDocumentAsync(Settings);

        var row = page.QuerySelector("#passkeys .govuk-summary-list__row")!;
        Assert.Equal("Work laptop", row.QuerySelector("dt")!.TextContent.Trim());
        Assert.Equal("Added 29 March 2026 at 11:15am", row.QuerySelector(".govuk-summary-list__value")!.TextContent.Trim());
        Assert.Equal(
            [$"/account/two-factor/passkeys/{id}/rename", $"/account/two-factor/passkeys/{id}/remove"],
            row.QuerySelectorAll(".govuk-summary-list__actions a").Select(a => a.GetAttribute("href")!));
        Assert.Equal("Remove Work laptop", row.QuerySelectorAll(".govuk-summary-list__actions a")[1].TextContent.Trim());
    }

    [Fact]
    public async Task Renaming_a_passkey_saves_the_new_name_and_audits_it()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("pkrename"));
        using var client = site.CreatePortalClient();
        await client.SignInWithTwoFactorAsync(user.Email!);
        var id = await site.AddPasskeyAsync(user.Email!, "Passkey added 1 May 2026 at 9am");
        var path = $"/account/two-factor/passkeys/{id}/rename";
        Assert.Equal("Passkey added 1 May 2026 at 9am", (await client.GetDocumentAsync(path)).FieldValue("Input.Name"));

        var response = await client.SubmitFormAsync(path, new Dictionary<string, string> { ["Input.Name"] = "  Phone in my bag " });

        var page = await client.FollowAsync(response);
        Assert.Contains("Your passkey has been renamed", ManageTestData.SuccessBanner(page), StringComparison.Ordinal);
        Assert.Equal(["Phone in my bag"], await site.PasskeyNamesAsync(user.Email!));
        var entry = Assert.Single(await site.AuditEntriesAsync("user", user.Id), e => e.Action == "user.passkey-renamed");
        Assert.Equal("Passkey renamed from Passkey added 1 May 2026 at 9am to Phone in my bag", entry.Details);
    }

    [Theory]
    [InlineData("", "Enter a name for your passkey")]
    [InlineData("   ", "Enter a name for your passkey")]
    [InlineData("A name for a passkey that goes on and on past fifty", "Passkey name must be 50 characters or fewer")]
    public async Task Renaming_a_passkey_needs_a_name_of_50_characters_or_fewer(string name, string error)
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("pkname"));
        using var client = site.CreatePortalClient();
        await client.SignInWithTwoFactorAsync(user.Email!);
        var id = await site.AddPasskeyAsync(user.Email!, "Laptop");
        var path = $"/account/two-factor/passkeys/{id}/rename";

        var response = await client.SubmitFormAsync(path, new Dictionary<string, string> { ["Input.Name"] = name });

        var page = await AccountTestData.ExpectPageAsync(response);
        Assert.Equal([error], page.ErrorSummary());
        Assert.Equal(name, page.FieldValue("Input.Name") ?? "");
        Assert.Equal(["Laptop"], await site.PasskeyNamesAsync(user.Email!));
    }

    [Fact]
    public async Task Removing_a_passkey_asks_for_confirmation_emails_the_account_holder_and_ends_other_sessions()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("pkremove"));
        using var client = site.CreatePortalClient();
        using var elsewhere = site.CreatePortalClient();
        await client.SignInWithTwoFactorAsync(user.Email!);
        await elsewhere.SignInWithTwoFactorAsync(user.Email!);
        var id = await site.AddPasskeyAsync(user.Email!, "Old phone");
        var path = $"/account/two-factor/passkeys/{id}/remove";
        var confirm = await client.GetDocumentAsync(path);
        Assert.Equal("Are you sure you want to remove this passkey?", confirm.Heading());
        Assert.Null(confirm.QuerySelector("input[name='Password']"));

        var response = await client.SubmitFormAsync(confirm, path, new Dictionary<string, string>());

        var page = await client.FollowAsync(response);
        Assert.Contains("Your passkey has been removed", ManageTestData.SuccessBanner(page), StringComparison.Ordinal);
        Assert.Empty(await site.PasskeyNamesAsync(user.Email!));
        Assert.True(await site.TwoFactorEnabledAsync(user.Email!));
        var email = await site.WaitForEmailAsync(user.Email!, "A passkey has been removed from your account");
        Assert.Contains("The passkey called \"Old phone\" was removed from your account on ", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("(UK time)", email.TextBody, StringComparison.Ordinal);
        AccountTestData.LinkIn(email, "/account/forgotten-password");
        Assert.Single(await site.AuditEntriesAsync("user", user.Id), e => e.Action == "user.passkey-removed" && e.Details == "Passkey removed: Old phone");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var ended = await elsewhere.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.StartsWith("/account/sign-in", ended.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/supervision")).StatusCode);
    }

    [Fact]
    public async Task Removing_the_last_second_factor_needs_the_password_and_turns_two_factor_off()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("pklast"));
        using var client = site.CreatePortalClient();
        await client.SignInWithTwoFactorAsync(user.Email!);
        var id = await site.AddPasskeyAsync(user.Email!, "Security key");
        var off = await client.SubmitFormAsync(Settings, new Dictionary<string, string> { ["Password"] = TestUsers.Password }, "#disable-form");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/supervision")).StatusCode);
        var path = $"/account/two-factor/passkeys/{id}/remove";
        var confirm = await client.GetDocumentAsync(path);
        Assert.Contains("This is your only way of signing in with two factors", confirm.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);

        var empty = await client.SubmitFormAsync(confirm, path, new Dictionary<string, string> { ["Password"] = "" });
        var wrong = await client.SubmitFormAsync(confirm, path, new Dictionary<string, string> { ["Password"] = "not my password at all" });
        var right = await client.SubmitFormAsync(confirm, path, new Dictionary<string, string> { ["Password"] = TestUsers.Password });

        Assert.Equal(["Enter your password"], (await AccountTestData.ExpectPageAsync(empty)).ErrorSummary());
        Assert.Equal(["Your password is incorrect"], (await AccountTestData.ExpectPageAsync(wrong)).ErrorSummary());
        var page = await client.FollowAsync(right);
        Assert.Contains("Your passkey has been removed. Two-factor sign-in is off", ManageTestData.SuccessBanner(page), StringComparison.Ordinal);
        Assert.Equal("Set up two-factor sign-in", page.Heading());
        Assert.Empty(await site.PasskeyNamesAsync(user.Email!));
        var email = await site.WaitForEmailAsync(user.Email!, "Two-factor sign-in has been turned off");
        Assert.Contains("It was your last second factor", email.TextBody, StringComparison.Ordinal);
        var supervision = await client.GetAsync("/supervision");
        Assert.Equal(HttpStatusCode.Redirect, supervision.StatusCode);
        Assert.Equal("/account/two-factor?returnUrl=%2Fsupervision", supervision.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Someone_elses_passkey_cannot_be_renamed_or_removed()
    {
        var owner = await site.CreateUserAsync(TestUsers.UniqueEmail("pkowner"));
        var other = await site.CreateUserAsync(TestUsers.UniqueEmail("pkother"));
        var id = await site.AddPasskeyAsync(owner.Email!, "Owner's laptop");
        using var client = site.CreatePortalClient();
        await client.SignInWithTwoFactorAsync(other.Email!);

        var rename = await client.GetAsync($"/account/two-factor/passkeys/{id}/rename");
        var remove = await client.GetAsync($"/account/two-factor/passkeys/{id}/remove");

        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.Equal(["Owner's laptop"], await site.PasskeyNamesAsync(owner.Email!));
    }
}
