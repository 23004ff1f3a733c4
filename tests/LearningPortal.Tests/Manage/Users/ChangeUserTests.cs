namespace LearningPortal.Tests.Manage.Users;

public class ChangeUserTests(QuickSessionRecheckSite site) : IClassFixture<QuickSessionRecheckSite>
{
    [Fact]
    public async Task Changing_roles_keeps_practitioner_and_audits_the_old_and_new_roles()
    {
        var (admin, client) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var user = await site.CreateNamedUserAsync("Rolf Changer", null, PortalRoles.Editor);
        var form = await client.GetDocumentAsync($"/manage/users/{user.Id}/roles");
        Assert.True(form.QuerySelector("input[name='Input.Roles'][value='Editor']")!.HasAttribute("checked"));

        var response = await client.PostFormAsync(form, $"/manage/users/{user.Id}/roles",
            ("Input.Roles", PortalRoles.Supervisor), ("Input.Roles", PortalRoles.Administrator));

        var details = await client.FollowAsync(response);
        Assert.Contains("Roles updated", ManageTestData.SuccessBanner(details));
        Assert.Equal("Practitioner, Supervisor, Administrator", details.QuerySelector("#roles")!.TextContent.Trim());
        Assert.Equal([PortalRoles.Administrator, PortalRoles.Practitioner, PortalRoles.Supervisor], await site.RolesOfAsync(user.Id));
        var entry = Assert.Single(await site.AuditEntriesAsync("user", user.Id));
        Assert.Equal("user.roles.changed", entry.Action);
        Assert.Equal(admin.Id, entry.ActorUserId);
        Assert.Equal(admin.DisplayName, entry.ActorName);
        Assert.Equal($"Roles of Rolf Changer ({user.Email}) changed from Practitioner, Editor to Practitioner, Supervisor, Administrator", entry.Details);
        Assert.True(DateTime.UtcNow - entry.OccurredUtc < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Saving_the_same_roles_changes_nothing_and_audits_nothing()
    {
        var (_, client) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var user = await site.CreateNamedUserAsync("Sam Same", null, PortalRoles.Editor);
        var form = await client.GetDocumentAsync($"/manage/users/{user.Id}/roles");

        var response = await client.PostFormAsync(form, $"/manage/users/{user.Id}/roles", ("Input.Roles", PortalRoles.Editor));

        var details = await client.FollowAsync(response);
        Assert.Equal("", ManageTestData.SuccessBanner(details));
        Assert.Empty(await site.AuditEntriesAsync("user", user.Id));
    }

    [Fact]
    public async Task Changing_agency_offers_active_agencies_only_and_audits_the_change()
    {
        var (_, client) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var from = await site.CreateAgencyAsync("Old Town Health Visiting");
        var to = await site.CreateAgencyAsync("New Town Early Help");
        var retired = await site.CreateAgencyAsync("Closed Children's Centre", active: false);
        var user = await site.CreateNamedUserAsync("Agnes Mover", from.Id);
        var form = await client.GetDocumentAsync($"/manage/users/{user.Id}/agency");
        var options = form.QuerySelectorAll("#Input-AgencyId option").Select(o => o.TextContent).ToList();
        Assert.Contains(to.Name, options);
        Assert.DoesNotContain(retired.Name, options);

        var refused = await client.PostFormAsync(form, $"/manage/users/{user.Id}/agency", ("Input.AgencyId", retired.Id.ToString()));
        var response = await client.PostFormAsync(form, $"/manage/users/{user.Id}/agency", ("Input.AgencyId", to.Id.ToString()));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Select an agency", ManageTestData.ErrorSummary(await PortalClient.ParseAsync(refused)));
        var details = await client.FollowAsync(response);
        Assert.Contains("Agency updated", ManageTestData.SuccessBanner(details));
        Assert.Equal(to.Name, details.QuerySelector("#agency")!.TextContent.Trim());
        var entry = Assert.Single(await site.AuditEntriesAsync("user", user.Id));
        Assert.Equal("user.agency.changed", entry.Action);
        Assert.Contains("changed from Old Town Health Visiting to New Town Early Help", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_session_and_refuses_sign_in()
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var (user, userClient) = await site.SignedInAsync("editor", PortalRoles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await userClient.GetAsync("/manage")).StatusCode);
        var form = await admin.GetDocumentAsync($"/manage/users/{user.Id}/disable");

        var response = await admin.PostFormAsync(form, $"/manage/users/{user.Id}/disable", ("Input.Reason", "Left the partnership"));

        var details = await admin.FollowAsync(response);
        Assert.Contains("Account disabled", ManageTestData.SuccessBanner(details));
        Assert.Equal("Disabled", details.QuerySelector("#status")!.TextContent.Trim());
        Assert.True((await site.FindUserAsync(user.Id)).IsDisabled);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var afterDisable = await userClient.GetAsync("/manage");
        Assert.Equal(HttpStatusCode.Redirect, afterDisable.StatusCode);
        Assert.StartsWith("/account/sign-in", afterDisable.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        using var again = site.CreatePortalClient();
        var signIn = await again.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = TestUsers.Password,
        });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.False(again.Cookies.ContainsKey("lp.auth"));
        var entry = Assert.Single(await site.AuditEntriesAsync("user", user.Id));
        Assert.Equal("user.disabled", entry.Action);
        Assert.EndsWith("disabled. Reason: Left the partnership", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Re_enabling_an_account_lets_the_person_sign_in_again()
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var user = await site.CreateNamedUserAsync("Rena Enabled");
        await admin.FollowAsync(await admin.PostFormAsync(
            await admin.GetDocumentAsync($"/manage/users/{user.Id}/disable"), $"/manage/users/{user.Id}/disable"));
        var form = await admin.GetDocumentAsync($"/manage/users/{user.Id}/enable");

        var response = await admin.PostFormAsync(form, $"/manage/users/{user.Id}/enable");

        var details = await admin.FollowAsync(response);
        Assert.Contains("Account re-enabled", ManageTestData.SuccessBanner(details));
        Assert.Equal("Active", details.QuerySelector("#status")!.TextContent.Trim());
        using var userClient = site.CreatePortalClient();
        await userClient.SignInAsync(user.Email!);
        Assert.Equal(["user.disabled", "user.enabled"], (await site.AuditEntriesAsync("user", user.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Administrator_cannot_disable_their_own_account()
    {
        var (admin, client) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var details = await client.GetDocumentAsync($"/manage/users/{admin.Id}");
        var form = await client.GetDocumentAsync($"/manage/users/{admin.Id}/disable");

        var response = await client.PostFormAsync(form, $"/manage/users/{admin.Id}/disable");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(details.QuerySelector($"a[href='/manage/users/{admin.Id}/disable']"));
        Assert.Contains("You cannot disable your own account", ManageTestData.ErrorSummary(await PortalClient.ParseAsync(response)));
        Assert.False((await site.FindUserAsync(admin.Id)).IsDisabled);
        Assert.Empty(await site.AuditEntriesAsync("user", admin.Id));
    }

    [Fact]
    public async Task Administrator_cannot_remove_their_own_administrator_role()
    {
        await site.CreateNamedUserAsync("Another Admin", null, PortalRoles.Administrator);
        var (admin, client) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var form = await client.GetDocumentAsync($"/manage/users/{admin.Id}/roles");

        var response = await client.PostFormAsync(form, $"/manage/users/{admin.Id}/roles", ("Input.Roles", PortalRoles.Editor));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("You cannot remove your own Administrator role", ManageTestData.ErrorSummary(page));
        Assert.True(page.QuerySelector("input[name='Input.Roles'][value='Editor']")!.HasAttribute("checked"));
        Assert.Contains(PortalRoles.Administrator, await site.RolesOfAsync(admin.Id));
    }

    [Fact]
    public async Task Roles_change_from_an_out_of_date_page_is_refused_and_nothing_is_overwritten()
    {
        var (_, first) = await site.SignedInAsync("admin1", PortalRoles.Administrator);
        var (_, second) = await site.SignedInAsync("admin2", PortalRoles.Administrator);
        var user = await site.CreateNamedUserAsync("Connie Current");
        var firstForm = await first.GetDocumentAsync($"/manage/users/{user.Id}/roles");
        var secondForm = await second.GetDocumentAsync($"/manage/users/{user.Id}/roles");
        await first.FollowAsync(await first.PostFormAsync(firstForm, $"/manage/users/{user.Id}/roles", ("Input.Roles", PortalRoles.Supervisor)));

        var stale = await second.PostFormAsync(secondForm, $"/manage/users/{user.Id}/roles", ("Input.Roles", PortalRoles.Editor));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await PortalClient.ParseAsync(stale);
        Assert.Contains("Someone else changed this account after you opened this page", ManageTestData.ErrorSummary(page));
        Assert.True(page.QuerySelector("input[name='Input.Roles'][value='Supervisor']")!.HasAttribute("checked"));
        Assert.False(page.QuerySelector("input[name='Input.Roles'][value='Editor']")!.HasAttribute("checked"));
        Assert.Equal([PortalRoles.Practitioner, PortalRoles.Supervisor], await site.RolesOfAsync(user.Id));
        Assert.Single(await site.AuditEntriesAsync("user", user.Id));
    }

    [Fact]
    public async Task Disabling_from_an_out_of_date_page_is_refused()
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var user = await site.CreateNamedUserAsync("Dora Dated");
        var form = await admin.GetDocumentAsync($"/manage/users/{user.Id}/disable");
        await ChangeAgencyElsewhereAsync(user.Id);

        var stale = await admin.PostFormAsync(form, $"/manage/users/{user.Id}/disable");

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this account", ManageTestData.ErrorSummary(await PortalClient.ParseAsync(stale)));
        Assert.False((await site.FindUserAsync(user.Id)).IsDisabled);
        Assert.Empty(await site.AuditEntriesAsync("user", user.Id));
    }

    /// <summary>A change saved through UserManager, as another administrator's would be; it renews the concurrency stamp.</summary>
    private async Task ChangeAgencyElsewhereAsync(string userId)
    {
        var other = await site.CreateAgencyAsync("Elsewhere " + Guid.NewGuid().ToString("N")[..8]);
        await site.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var saved = (await users.FindByIdAsync(userId))!;
            saved.AgencyId = other.Id;
            return await users.UpdateAsync(saved);
        });
    }
}
