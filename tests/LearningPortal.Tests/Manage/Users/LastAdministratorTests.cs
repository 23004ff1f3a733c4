namespace LearningPortal.Tests.Manage.Users;

/// <summary>Its own site, so that the administrators here are the only ones.</summary>
public class LastAdministratorTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_last_active_administrator_keeps_the_role_and_the_account()
    {
        // Two administrators each open a form; one removes the other, whose page (and session, until its next
        // check) still says administrator, and who then tries to remove the one who is left.
        var (first, firstClient) = await site.SignedInAsync("first-admin", PortalRoles.Administrator);
        var (second, secondClient) = await site.SignedInAsync("second-admin", PortalRoles.Administrator);
        var secondsRolesForm = await secondClient.GetDocumentAsync($"/manage/users/{first.Id}/roles");
        var secondsDisableForm = await secondClient.GetDocumentAsync($"/manage/users/{first.Id}/disable");
        await firstClient.FollowAsync(await firstClient.PostFormAsync(
            await firstClient.GetDocumentAsync($"/manage/users/{second.Id}/roles"), $"/manage/users/{second.Id}/roles"));

        var removeRole = await secondClient.PostFormAsync(secondsRolesForm, $"/manage/users/{first.Id}/roles");
        var disable = await secondClient.PostFormAsync(secondsDisableForm, $"/manage/users/{first.Id}/disable");

        Assert.Equal(HttpStatusCode.OK, removeRole.StatusCode);
        Assert.Contains("This is the last active administrator account", ManageTestData.ErrorSummary(await PortalClient.ParseAsync(removeRole)));
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Contains("This is the last active administrator account", ManageTestData.ErrorSummary(await PortalClient.ParseAsync(disable)));
        Assert.Contains(PortalRoles.Administrator, await site.RolesOfAsync(first.Id));
        Assert.False((await site.FindUserAsync(first.Id)).IsDisabled);
        Assert.Empty(await site.AuditEntriesAsync("user", first.Id));
    }
}
