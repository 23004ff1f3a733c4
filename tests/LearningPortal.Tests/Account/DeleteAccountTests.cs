namespace LearningPortal.Tests.Account;

public class DeleteAccountTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Delete_account_removes_the_user_signs_out_and_keeps_the_id_in_the_audit_log()
    {
        var email = TestUsers.UniqueEmail("leaver");
        var user = await site.CreateUserAsync(email);
        using var client = site.CreatePortalClient();
        await client.SignInAsync(email);

        var response = await client.SubmitFormAsync("/account/delete", new Dictionary<string, string> { ["Input.Password"] = TestUsers.Password });

        Assert.Equal("/account/deleted", response.Headers.Location!.OriginalString);
        Assert.False(client.Cookies.ContainsKey("lp.auth"));
        Assert.Equal("Your account has been deleted", (await client.GetDocumentAsync("/account/deleted")).Heading());
        await site.WithDbAsync(async db =>
        {
            Assert.False(await db.Users.AnyAsync(u => u.Id == user.Id));
            Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == user.Id));
            var entry = await db.AuditEntries.SingleAsync(a => a.Action == "user.deleted" && a.SubjectId == user.Id);
            Assert.Equal(user.Id, entry.ActorUserId);
            Assert.DoesNotContain(email, entry.Details, StringComparison.OrdinalIgnoreCase);
        });
        await site.WaitForEmailAsync(email, "Your Learning Portal account has been deleted");
        using var fresh = site.CreatePortalClient();
        var signIn = await AccountTestData.ExpectPageAsync(await fresh.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestUsers.Password,
        }));
        Assert.Equal(["Enter a correct email address and password"], signIn.ErrorSummary());
    }

    [Fact]
    public async Task Delete_account_with_a_wrong_password_keeps_the_account()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("stayer"));
        using var client = site.CreatePortalClient();
        await client.SignInAsync(user.Email!);

        var page = await AccountTestData.ExpectPageAsync(await client.SubmitFormAsync("/account/delete", new Dictionary<string, string> { ["Input.Password"] = "not my password at all" }));

        Assert.Equal(["Your password is incorrect"], page.ErrorSummary());
        await site.WithDbAsync(async db => Assert.True(await db.Users.AnyAsync(u => u.Id == user.Id)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
    }
}
