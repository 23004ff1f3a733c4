namespace LearningPortal.Tests.Account;

public class ChangeEmailTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Change_email_takes_effect_only_when_the_link_sent_to_the_new_address_is_followed()
    {
        var oldEmail = TestUsers.UniqueEmail("old");
        var newEmail = TestUsers.UniqueEmail("new");
        var user = await site.CreateUserAsync(oldEmail);
        using var client = site.CreatePortalClient();
        await client.SignInAsync(oldEmail);

        var response = await client.SubmitFormAsync("/account/change-email", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = newEmail,
            ["Input.Password"] = TestUsers.Password,
        });
        Assert.Equal("/account/check-your-email?about=email-change", response.Headers.Location!.OriginalString);
        var link = AccountTestData.LinkIn(await site.WaitForEmailAsync(newEmail, "Confirm your new email address"), "/account/confirm-email-change");
        await site.WithDbAsync(async db => Assert.Equal(oldEmail, (await db.Users.SingleAsync(u => u.Id == user.Id)).Email));

        var confirmed = await client.GetDocumentAsync(link);

        Assert.Equal("Email address changed", confirmed.Heading());
        await site.WithDbAsync(async db =>
        {
            var changed = await db.Users.SingleAsync(u => u.Id == user.Id);
            Assert.Equal(newEmail, changed.Email);
            Assert.Equal(newEmail, changed.UserName);
            Assert.True(changed.EmailConfirmed);
        });
        var notice = await site.WaitForEmailAsync(oldEmail, "Your email address has been changed");
        Assert.Contains(newEmail, notice.TextBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
        using var fresh = site.CreatePortalClient();
        await fresh.SignInAsync(newEmail);
        var withOld = await AccountTestData.ExpectPageAsync(await fresh.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = oldEmail,
            ["Input.Password"] = TestUsers.Password,
        }));
        Assert.Equal(["Enter a correct email address and password"], withOld.ErrorSummary());
    }

    [Fact]
    public async Task Change_email_with_a_wrong_password_is_refused_and_keeps_the_new_address_typed()
    {
        var email = TestUsers.UniqueEmail("wrongpw");
        var newEmail = TestUsers.UniqueEmail("wanted");
        await site.CreateUserAsync(email);
        using var client = site.CreatePortalClient();
        await client.SignInAsync(email);

        var page = await AccountTestData.ExpectPageAsync(await client.SubmitFormAsync("/account/change-email", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = newEmail,
            ["Input.Password"] = "not my password at all",
        }));

        Assert.Equal(["Your password is incorrect"], page.ErrorSummary());
        Assert.Equal(newEmail, page.FieldValue("Input.NewEmail"));
    }

    [Fact]
    public async Task Change_email_to_an_address_with_an_account_tells_that_address_and_changes_nothing()
    {
        var email = TestUsers.UniqueEmail("mover");
        var taken = TestUsers.UniqueEmail("owner");
        var user = await site.CreateUserAsync(email);
        await site.CreateUserAsync(taken);
        using var client = site.CreatePortalClient();
        await client.SignInAsync(email);

        var response = await client.SubmitFormAsync("/account/change-email", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = taken,
            ["Input.Password"] = TestUsers.Password,
        });

        Assert.Equal("/account/check-your-email?about=email-change", response.Headers.Location!.OriginalString);
        var message = await site.WaitForEmailAsync(taken, "You already have a Learning Portal account");
        Assert.DoesNotContain("/account/confirm-email-change", message.TextBody, StringComparison.Ordinal);
        await site.WithDbAsync(async db => Assert.Equal(email, (await db.Users.SingleAsync(u => u.Id == user.Id)).Email));
    }
}
