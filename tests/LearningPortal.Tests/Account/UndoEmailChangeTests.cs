using LearningPortal.Tests.Manage;

namespace LearningPortal.Tests.Account;

/// <summary>The link in the email to the old address, which undoes an email change for 7 days.</summary>
public class UndoEmailChangeTests(QuickSessionRecheckSite site) : IClassFixture<QuickSessionRecheckSite>
{
    private const string NewPassword = "a brand new passphrase 2026";

    /// <summary>Changes the account's address through the pages; returns the undo link from the email to the old address.</summary>
    private async Task<string> ChangeEmailAsync(PortalClient client, string oldEmail, string newEmail)
    {
        await client.SubmitFormAsync("/account/change-email", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = newEmail,
            ["Input.Password"] = TestUsers.Password,
        });
        var confirm = AccountTestData.LinkIn(await site.WaitForEmailAsync(newEmail, "Confirm your new email address"), "/account/confirm-email-change");
        Assert.Equal("Email address changed", (await client.GetDocumentAsync(confirm)).Heading());
        var notice = await site.WaitForEmailAsync(oldEmail, "Your email address has been changed");
        Assert.Contains("works once, for 7 days", notice.TextBody, StringComparison.Ordinal);
        return AccountTestData.LinkIn(notice, "/account/undo-email-change");
    }

    [Fact]
    public async Task The_old_address_can_undo_the_change_which_signs_out_everywhere_and_asks_for_a_new_password()
    {
        var oldEmail = TestUsers.UniqueEmail("victim");
        var takenOver = TestUsers.UniqueEmail("attacker");
        var user = await site.CreateUserAsync(oldEmail);
        using var attacker = site.CreatePortalClient();
        await attacker.SignInAsync(oldEmail);
        var undo = await ChangeEmailAsync(attacker, oldEmail, takenOver);
        using var owner = site.CreatePortalClient();

        var ask = await owner.GetDocumentAsync(undo);
        Assert.Equal("Undo the change to your email address", ask.Heading());
        await site.WithDbAsync(async db => Assert.Equal(takenOver, (await db.Users.SingleAsync(u => u.Id == user.Id)).Email));
        var done = await AccountTestData.ExpectPageAsync(await owner.SubmitFormAsync(ask, undo, new Dictionary<string, string>()));

        Assert.Equal("Your email address has been changed back", done.Heading());
        await site.WithDbAsync(async db =>
        {
            var restored = await db.Users.SingleAsync(u => u.Id == user.Id);
            Assert.Equal(oldEmail, restored.Email);
            Assert.Equal(oldEmail, restored.UserName);
            Assert.True(restored.EmailConfirmed);
            Assert.Null(restored.PasswordHash);
        });
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.GetAsync("/account")).StatusCode);
        using (var again = site.CreatePortalClient())
        {
            var refused = await AccountTestData.ExpectPageAsync(await again.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
            {
                ["Input.Email"] = oldEmail,
                ["Input.Password"] = TestUsers.Password,
            }));
            Assert.Equal(["Enter a correct email address and password"], refused.ErrorSummary());
        }

        var reset = done.QuerySelector("main a.govuk-button")!.GetAttribute("href")!;
        Assert.StartsWith("/account/reset-password?", reset, StringComparison.Ordinal);
        var chosen = await owner.SubmitFormAsync(reset, new Dictionary<string, string>
        {
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        using var fresh = site.CreatePortalClient();
        await fresh.SignInAsync(oldEmail, NewPassword);
        Assert.Single(await site.AuditEntriesAsync("user", user.Id), e => e.Action == "user.email-change-undone"
            && e.Details.StartsWith($"Email address changed back from {takenOver} to {oldEmail}", StringComparison.Ordinal));
        Assert.Single(await site.AuditEntriesAsync("user", user.Id), e => e.Action == "user.email-changed");
    }

    [Fact]
    public async Task The_undo_link_works_once()
    {
        var oldEmail = TestUsers.UniqueEmail("once");
        await site.CreateUserAsync(oldEmail);
        using var client = site.CreatePortalClient();
        await client.SignInAsync(oldEmail);
        var undo = await ChangeEmailAsync(client, oldEmail, TestUsers.UniqueEmail("once-new"));
        using var owner = site.CreatePortalClient();
        var ask = await owner.GetDocumentAsync(undo);
        await owner.SubmitFormAsync(ask, undo, new Dictionary<string, string>());

        var second = await AccountTestData.ExpectPageAsync(await owner.SubmitFormAsync(ask, undo, new Dictionary<string, string>()));

        Assert.Equal("This link does not work", second.Heading());
        Assert.Equal("This link does not work", (await owner.GetDocumentAsync(undo)).Heading());
    }

    [Fact]
    public async Task The_undo_link_stops_working_after_7_days()
    {
        var oldEmail = TestUsers.UniqueEmail("late");
        var newEmail = TestUsers.UniqueEmail("late-new");
        var user = await site.CreateUserAsync(oldEmail);
        using var client = site.CreatePortalClient();
        await client.SignInAsync(oldEmail);
        var undo = await ChangeEmailAsync(client, oldEmail, newEmail);
        await site.WithDbAsync(db => db.PreviousEmails.Where(p => p.UserId == user.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.UndoUntilUtc, DateTime.UtcNow.AddMinutes(-1))));
        using var owner = site.CreatePortalClient();

        Assert.Equal("This link does not work", (await owner.GetDocumentAsync(undo)).Heading());
        var tokenPage = await owner.GetDocumentAsync("/account/forgotten-password");
        var token = tokenPage.QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var key = new Uri(undo).Query.Split("key=")[1];
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/undo-email-change")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Key", Uri.UnescapeDataString(key))]),
        };
        var refused = await PortalClient.ParseAsync(await owner.SendAsync(post));

        Assert.Equal("This link does not work", refused.Heading());
        await site.WithDbAsync(async db => Assert.Equal(newEmail, (await db.Users.SingleAsync(u => u.Id == user.Id)).Email));
    }

    [Fact]
    public async Task A_made_up_undo_key_changes_nothing()
    {
        using var client = site.CreatePortalClient();

        var page = await client.GetDocumentAsync("/account/undo-email-change?key=not-a-real-key");

        Assert.Equal("This link does not work", page.Heading());
        Assert.Null(page.QuerySelector("main form"));
    }
}
