using LearningPortal.Tests.Manage;

namespace LearningPortal.Tests.Account;

/// <summary>/account/security: the account's signed-in sessions, signing them out, and the new-browser email.</summary>
public class SessionsTests(QuickSessionRecheckSite site) : IClassFixture<QuickSessionRecheckSite>
{
    private const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private const string IPhoneSafari = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    [Fact]
    public async Task The_page_lists_each_signed_in_browser_and_marks_this_one()
    {
        var email = TestUsers.UniqueEmail("sessions");
        await site.CreateUserAsync(email);
        using var laptop = site.CreatePortalClient();
        laptop.UserAgent = Firefox;
        using var phone = site.CreatePortalClient();
        phone.UserAgent = IPhoneSafari;
        await laptop.SignInAsync(email);
        await phone.SignInAsync(email);

        var page = await laptop.GetDocumentAsync("/account/security");

        Assert.Equal("Where you are signed in", page.Heading());
        var rows = page.QuerySelectorAll("tr[data-session]").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Firefox on Windows", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("This browser", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Safari on iPhone", rows[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("This browser", rows[1].TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[action*='handler=SignOutOthers']"));
    }

    [Fact]
    public async Task Signing_out_another_session_ends_it_at_its_next_check_and_keeps_this_one()
    {
        var email = TestUsers.UniqueEmail("signoutone");
        var user = await site.CreateUserAsync(email);
        using var here = site.CreatePortalClient();
        using var elsewhere = site.CreatePortalClient();
        elsewhere.UserAgent = IPhoneSafari;
        await here.SignInAsync(email);
        await elsewhere.SignInAsync(email);
        var page = await here.GetDocumentAsync("/account/security");
        var other = page.QuerySelectorAll("tr[data-session]").Single(r => !r.TextContent.Contains("This browser", StringComparison.Ordinal));

        var response = await here.SubmitFormAsync(page, "/account/security", new Dictionary<string, string>(),
            $"tr[data-session='{other.GetAttribute("data-session")}'] form");

        Assert.Equal("/account/security?done=one", response.Headers.Location!.OriginalString);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var ended = await elsewhere.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.StartsWith("/account/sign-in", ended.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var after = await here.GetDocumentAsync("/account/security?done=one");
        Assert.Single(after.QuerySelectorAll("tr[data-session]"));
        Assert.Contains("The session has been signed out", after.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await site.AuditEntriesAsync("user", user.Id), e => e.Action == "user.session-ended" && e.Details.StartsWith("Signed out of Safari on iPhone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signing_out_all_other_sessions_ends_them_all_and_keeps_this_one()
    {
        var email = TestUsers.UniqueEmail("signoutall");
        var user = await site.CreateUserAsync(email);
        using var here = site.CreatePortalClient();
        using var second = site.CreatePortalClient();
        using var third = site.CreatePortalClient();
        await here.SignInAsync(email);
        await second.SignInAsync(email);
        await third.SignInAsync(email);

        var response = await here.SubmitFormAsync("/account/security", new Dictionary<string, string>(), "form[action*='handler=SignOutOthers']");

        Assert.Equal("/account/security?done=others", response.Headers.Location!.OriginalString);
        await Task.Delay(TimeSpan.FromSeconds(2));
        foreach (var client in new[] { second, third })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/account")).StatusCode);
        var page = await here.GetDocumentAsync("/account/security");
        Assert.Single(page.QuerySelectorAll("tr[data-session]"));
        Assert.Contains("You are not signed in anywhere else", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await site.AuditEntriesAsync("user", user.Id), e => e.Action == "user.sessions-ended" && e.Details == "Signed out of all other sessions (2 sessions)");
    }

    [Fact]
    public async Task Signing_out_this_browser_from_the_list_signs_it_out()
    {
        using var here = await site.SignedInClientAsync("signoutself");
        var page = await here.GetDocumentAsync("/account/security");

        var response = await here.SubmitFormAsync(page, "/account/security", new Dictionary<string, string>(), "tr[data-session] form");

        Assert.Equal("/account/signed-out", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await here.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_session_id_that_is_not_the_accounts_own_signs_nothing_out()
    {
        var email = TestUsers.UniqueEmail("notmine");
        var stranger = TestUsers.UniqueEmail("stranger");
        await site.CreateUserAsync(email);
        await site.CreateUserAsync(stranger);
        using var mine = site.CreatePortalClient();
        using var theirs = site.CreatePortalClient();
        await mine.SignInAsync(email);
        await theirs.SignInAsync(stranger);
        var theirId = (await theirs.GetDocumentAsync("/account/security")).QuerySelector("tr[data-session]")!.GetAttribute("data-session")!;

        var page = await AccountTestData.ExpectPageAsync(await mine.SubmitFormAsync("/account/security", new Dictionary<string, string> { ["session"] = theirId }, "tr[data-session] form"));

        Assert.Equal(["That session has already been signed out"], page.ErrorSummary());
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await theirs.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_from_a_browser_not_seen_before_is_emailed_to_the_owner_and_audited()
    {
        var email = TestUsers.UniqueEmail("newbrowser");
        var user = await site.CreateUserAsync(email);
        using var usual = site.CreatePortalClient();
        await usual.SignInAsync(email);
        await usual.SubmitFormAsync("/account/sign-out", new Dictionary<string, string>());
        await usual.SignInAsync(email);
        Assert.DoesNotContain(await site.AuditEntriesAsync("user", user.Id), e => e.Action == "user.session-new-browser");

        using var stranger = site.CreatePortalClient();
        stranger.UserAgent = Firefox;
        await stranger.SignInAsync(email);

        var message = await site.WaitForEmailAsync(email, "New sign-in to your Learning Portal account");
        Assert.Contains("from Firefox on Windows", message.TextBody, StringComparison.Ordinal);
        AccountTestData.LinkIn(message, "/account/security");
        Assert.Single(await site.AuditEntriesAsync("user", user.Id), e => e.Action == "user.session-new-browser" && e.Details == "Signed in from a browser not seen before: Firefox on Windows");
        await site.WithDbAsync(async db =>
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.ToAddress == email && m.Subject.StartsWith("New sign-in"))));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on Mac")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome on Android")]
    [InlineData(IPhoneSafari, "Safari on iPhone")]
    [InlineData("", "An unknown browser")]
    public void Browsers_are_named_from_their_user_agent(string userAgent, string expected) =>
        Assert.Equal(expected, BrowserDescription.From(userAgent));
}
