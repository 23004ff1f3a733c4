using LearningPortal.Tests.Account;

namespace LearningPortal.Tests.Manage.Users;

/// <summary>An administrator resets two-factor sign-in for someone who lost their phone and recovery codes.</summary>
public class ResetTwoFactorTests(QuickSessionRecheckSite site) : IClassFixture<QuickSessionRecheckSite>
{
    [Fact]
    public async Task Administrator_resets_two_factor_sign_in_ending_the_persons_sessions_and_emailing_them()
    {
        var admin = await site.CreateUserAsync(TestUsers.UniqueEmail("resetadmin"), TestUsers.Password, PortalRoles.Administrator);
        using var adminClient = site.CreatePortalClient();
        await adminClient.SignInWithTwoFactorAsync(admin.Email!);
        var person = await site.CreateUserAsync(TestUsers.UniqueEmail("lostphone"), TestUsers.Password, PortalRoles.Supervisor);
        using var personClient = site.CreatePortalClient();
        var oldKey = await personClient.SignInWithTwoFactorAsync(person.Email!);
        await site.AddPasskeyAsync(person.Email!, "Lost phone");
        Assert.Equal(HttpStatusCode.OK, (await personClient.GetAsync("/supervision")).StatusCode);
        var details = await adminClient.GetDocumentAsync($"/manage/users/{person.Id}");
        Assert.Equal("Authenticator app and 1 passkey", details.QuerySelector("#two-factor")!.TextContent.Trim());
        var form = await adminClient.GetDocumentAsync($"/manage/users/{person.Id}/reset-two-factor");

        var response = await adminClient.PostFormAsync(form, $"/manage/users/{person.Id}/reset-two-factor",
            ("Input.Reason", "Lost phone and recovery codes; checked by calling their team manager"));

        var after = await adminClient.FollowAsync(response);
        Assert.Contains("Two-factor sign-in reset", ManageTestData.SuccessBanner(after), StringComparison.Ordinal);
        Assert.Equal("Not set up", after.QuerySelector("#two-factor")!.TextContent.Trim());
        Assert.False(await site.TwoFactorEnabledAsync(person.Email!));
        Assert.Empty(await site.PasskeyNamesAsync(person.Email!));
        var (recoveryCodes, key) = await site.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var saved = (await users.FindByEmailAsync(person.Email!))!;
            return (await users.CountRecoveryCodesAsync(saved), await users.GetAuthenticatorKeyAsync(saved));
        });
        Assert.Equal(0, recoveryCodes);
        Assert.NotEqual(oldKey, key);
        var entry = Assert.Single(await site.AuditEntriesAsync("user", person.Id), e => e.Action == "user.two-factor.reset");
        Assert.Equal(admin.Id, entry.ActorUserId);
        Assert.Equal($"Two-factor sign-in of {person.DisplayName} ({person.Email}) reset (authenticator app and recovery codes, 1 passkey). "
            + "Reason: Lost phone and recovery codes; checked by calling their team manager", entry.Details);
        var email = await site.WaitForEmailAsync(person.Email!, "Your two-factor sign-in has been reset");
        Assert.Contains("you have been signed out everywhere", email.TextBody, StringComparison.Ordinal);
        AccountTestData.LinkIn(email, "/account/two-factor");

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var ended = await personClient.GetAsync("/supervision");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.StartsWith("/account/sign-in", ended.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        using var again = site.CreatePortalClient();
        await again.SignInAsync(person.Email!);
        var supervision = await again.GetAsync("/supervision");
        Assert.Equal(HttpStatusCode.Redirect, supervision.StatusCode);
        Assert.Equal("/account/two-factor?returnUrl=%2Fsupervision", supervision.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Resetting_two_factor_sign_in_needs_a_reason()
    {
        var admin = await site.CreateUserAsync(TestUsers.UniqueEmail("reasonadmin"), TestUsers.Password, PortalRoles.Administrator);
        using var adminClient = site.CreatePortalClient();
        await adminClient.SignInWithTwoFactorAsync(admin.Email!);
        var person = await site.CreateUserAsync(TestUsers.UniqueEmail("noreason"));
        await site.EnableAuthenticatorAsync(person.Email!);
        var form = await adminClient.GetDocumentAsync($"/manage/users/{person.Id}/reset-two-factor");

        var response = await adminClient.PostFormAsync(form, $"/manage/users/{person.Id}/reset-two-factor", ("Input.Reason", " "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Enter the reason for resetting two-factor sign-in"], (await PortalClient.ParseAsync(response)).ErrorSummary());
        Assert.True(await site.TwoFactorEnabledAsync(person.Email!));
        Assert.DoesNotContain(await site.AuditEntriesAsync("user", person.Id), e => e.Action == "user.two-factor.reset");
    }

    [Fact]
    public async Task Only_administrators_signed_in_with_two_factors_may_reset_two_factor_sign_in()
    {
        var person = await site.CreateUserAsync(TestUsers.UniqueEmail("target"));
        await site.EnableAuthenticatorAsync(person.Email!);
        var path = $"/manage/users/{person.Id}/reset-two-factor";
        var editor = await site.CreateUserAsync(TestUsers.UniqueEmail("reseteditor"), TestUsers.Password, PortalRoles.Editor, PortalRoles.Supervisor);
        using var editorClient = site.CreatePortalClient();
        await editorClient.SignInWithTwoFactorAsync(editor.Email!);
        // An administrator with no second factor yet (as one given the role after signing up) signs in with a password only.
        var admin = await site.CreateUserWithoutSecondFactorAsync(TestUsers.UniqueEmail("pwdadmin"), TestUsers.Password, PortalRoles.Administrator);
        using var adminClient = site.CreatePortalClient();
        await adminClient.SignInAsync(admin.Email!);

        var byEditor = await editorClient.GetAsync(path);
        var byEditorPost = await editorClient.SendAsync(new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent([new("Input.Reason", "Because")]),
        });
        var byAdminWithPasswordOnly = await adminClient.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, byEditor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byEditorPost.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, byAdminWithPasswordOnly.StatusCode);
        Assert.Equal($"/account/two-factor?returnUrl={Uri.EscapeDataString(path)}", byAdminWithPasswordOnly.Headers.Location!.OriginalString);
        Assert.True(await site.TwoFactorEnabledAsync(person.Email!));
    }
}
