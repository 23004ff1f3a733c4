namespace LearningPortal.Tests.Manage.Users;

/// <summary>Its own site, so that the two administrators here are the only ones.</summary>
public class AdministratorsRemovingEachOtherTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Two_administrators_removing_each_other_at_once_leave_one_administrator()
    {
        var (first, firstClient) = await site.SignedInAsync("first-admin", PortalRoles.Administrator);
        var (second, secondClient) = await site.SignedInAsync("second-admin", PortalRoles.Administrator);
        var firstsForm = await firstClient.GetDocumentAsync($"/manage/users/{second.Id}/roles");
        var secondsForm = await secondClient.GetDocumentAsync($"/manage/users/{first.Id}/roles");

        var responses = await Task.WhenAll(
            firstClient.PostFormAsync(firstsForm, $"/manage/users/{second.Id}/roles"),
            secondClient.PostFormAsync(secondsForm, $"/manage/users/{first.Id}/roles"));

        var stillAdministrators = new List<bool>();
        foreach (var id in new[] { first.Id, second.Id })
        {
            stillAdministrators.Add((await site.RolesOfAsync(id)).Contains(PortalRoles.Administrator));
        }

        Assert.Single(stillAdministrators, isAdmin => isAdmin);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var error = ManageTestData.ErrorSummary(await PortalClient.ParseAsync(refused));
        Assert.True(error.Contains("last active administrator", StringComparison.Ordinal) || error.Contains("Someone else changed", StringComparison.Ordinal), error);
    }
}
