using AngleSharp.Dom;

namespace LearningPortal.Tests.Manage.Agencies;

public class AgencyAdministrationTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Agencies_are_listed_with_the_number_of_users_in_each()
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var agency = await site.CreateAgencyAsync("Countwell Housing");
        await site.CreateNamedUserAsync("Counted One", agency.Id);
        await site.CreateNamedUserAsync("Counted Two", agency.Id);

        var page = await admin.GetDocumentAsync("/manage/agencies");

        var row = Row(page, "Countwell Housing");
        Assert.Equal("2", row[1]);
        Assert.Equal("Active", row[2]);
    }

    [Fact]
    public async Task Adding_an_agency_lists_it_and_audits_it()
    {
        var (admin, client) = await site.SignedInAsync("admin", PortalRoles.Administrator);

        var response = await client.SubmitFormAsync("/manage/agencies/add", new Dictionary<string, string> { ["Input.Name"] = "  Riverside Youth Justice  " });

        var list = await client.FollowAsync(response);
        Assert.Contains("Riverside Youth Justice added", ManageTestData.SuccessBanner(list));
        Assert.Equal("0", Row(list, "Riverside Youth Justice")[1]);
        var id = AgencyId(list, "Riverside Youth Justice");
        var entry = Assert.Single(await site.AuditEntriesAsync("agency", id));
        Assert.Equal("agency.added", entry.Action);
        Assert.Equal(admin.Id, entry.ActorUserId);
        Assert.Equal("Agency Riverside Youth Justice added", entry.Details);
    }

    [Theory]
    [InlineData("", "Enter the agency name")]
    [InlineData("DUPLICATE TESTING AGENCY", "There is already an agency called Duplicate Testing Agency")]
    [InlineData("retired testing agency", "There is already a retired agency called Retired Testing Agency. Reinstate it instead")]
    public async Task Adding_an_agency_without_a_new_name_shows_an_error(string name, string error)
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        await EnsureAgencyAsync("Duplicate Testing Agency", active: true);
        await EnsureAgencyAsync("Retired Testing Agency", active: false);

        var response = await admin.SubmitFormAsync("/manage/agencies/add", new Dictionary<string, string> { ["Input.Name"] = name });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains(error, ManageTestData.ErrorSummary(page));
        Assert.Equal(error, page.QuerySelector("#Input-Name-error")!.TextContent.Replace("Error:", "").Trim());
        Assert.Equal(name, page.QuerySelector<IHtmlInputElement>("#Input-Name")!.Value);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renaming_an_agency_keeps_its_users_and_audits_old_and_new_names()
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var agency = await site.CreateAgencyAsync("Renamo School Nursing");
        var user = await site.CreateNamedUserAsync("Rene Member", agency.Id);

        var response = await admin.SubmitFormAsync($"/manage/agencies/{agency.Id}/rename", new Dictionary<string, string> { ["Input.Name"] = "Renamo 0-19 Service" });

        var list = await admin.FollowAsync(response);
        Assert.Contains("Renamo School Nursing renamed to Renamo 0-19 Service", ManageTestData.SuccessBanner(list));
        Assert.Equal("1", Row(list, "Renamo 0-19 Service")[1]);
        Assert.Equal(agency.Id, (await site.FindUserAsync(user.Id)).AgencyId);
        var entry = Assert.Single(await site.AuditEntriesAsync("agency", agency.Id.ToString()));
        Assert.Equal("Agency renamed from Renamo School Nursing to Renamo 0-19 Service", entry.Details);
    }

    [Fact]
    public async Task Renaming_to_another_agencys_name_in_any_case_is_refused()
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        await site.CreateAgencyAsync("Taken Name Service");
        var agency = await site.CreateAgencyAsync("Wants A Name");

        var response = await admin.SubmitFormAsync($"/manage/agencies/{agency.Id}/rename", new Dictionary<string, string> { ["Input.Name"] = "taken name SERVICE" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is already an agency called Taken Name Service", ManageTestData.ErrorSummary(await PortalClient.ParseAsync(response)));
        Assert.Empty(await site.AuditEntriesAsync("agency", agency.Id.ToString()));
    }

    [Fact]
    public async Task Retired_agency_is_hidden_from_choices_but_kept_on_accounts_until_reinstated()
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var agency = await site.CreateAgencyAsync("Retiro Family Support");
        var user = await site.CreateNamedUserAsync("Rita Retained", agency.Id);

        var retire = await admin.SubmitFormAsync($"/manage/agencies/{agency.Id}/retire", new Dictionary<string, string>());
        var listAfterRetire = await admin.FollowAsync(retire);
        var choicesAfterRetire = await admin.GetDocumentAsync($"/manage/users/{user.Id}/agency");
        var reinstate = await admin.SubmitFormAsync($"/manage/agencies/{agency.Id}/reinstate", new Dictionary<string, string>());
        var listAfterReinstate = await admin.FollowAsync(reinstate);
        var choicesAfterReinstate = await admin.GetDocumentAsync($"/manage/users/{user.Id}/agency");

        Assert.Contains("Retiro Family Support retired", ManageTestData.SuccessBanner(listAfterRetire));
        Assert.Equal("Retired", Row(listAfterRetire, "Retiro Family Support")[2]);
        Assert.DoesNotContain("Retiro Family Support", Options(choicesAfterRetire));
        Assert.Contains("Retiro Family Support, has been retired", choicesAfterRetire.QuerySelector("#Input-AgencyId-hint")!.TextContent);
        Assert.Equal(agency.Id, (await site.FindUserAsync(user.Id)).AgencyId);
        Assert.Contains("Retiro Family Support reinstated", ManageTestData.SuccessBanner(listAfterReinstate));
        Assert.Equal("Active", Row(listAfterReinstate, "Retiro Family Support")[2]);
        Assert.Contains("Retiro Family Support", Options(choicesAfterReinstate));
        Assert.Equal(["agency.retired", "agency.reinstated"], (await site.AuditEntriesAsync("agency", agency.Id.ToString())).Select(e => e.Action));
    }

    /// <summary>The cases of a theory share the site, so the agencies they need may exist already.</summary>
    private async Task EnsureAgencyAsync(string name, bool active)
    {
        var exists = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Agencies.AnyAsync(a => a.Name == name));
        if (!exists)
        {
            await site.CreateAgencyAsync(name, active);
        }
    }

    private static List<string> Row(IHtmlDocument page, string agency) =>
        page.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList())
            .Single(cells => cells[0] == agency);

    private static string AgencyId(IHtmlDocument page, string agency) =>
        page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == agency)
            .QuerySelector("a[href$='/rename']")!.GetAttribute("href")!.Split('/')[3];

    private static List<string> Options(IHtmlDocument page) =>
        page.QuerySelectorAll("#Input-AgencyId option").Select(o => o.TextContent).ToList();
}
