namespace LearningPortal.Tests.Manage;

public class ManageAccessTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(PortalRoles.Practitioner, "/manage/users")]
    [InlineData(PortalRoles.Supervisor, "/manage/users")]
    [InlineData(PortalRoles.Editor, "/manage/users")]
    [InlineData(PortalRoles.Editor, "/manage/agencies")]
    [InlineData(PortalRoles.Editor, "/manage/audit")]
    public async Task Anyone_but_an_administrator_is_forbidden_from_administration_pages(string role, string path)
    {
        var (_, client) = await site.SignedInAsync(role.ToLowerInvariant(), role);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("You do not have permission to view this page", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Practitioner_is_forbidden_from_the_manage_landing_page()
    {
        var (_, client) = await site.SignedInAsync("practitioner", PortalRoles.Practitioner);

        var response = await client.GetAsync("/manage");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Editor_gets_the_manage_landing_page_without_administration_links()
    {
        var (_, client) = await site.SignedInAsync("editor", PortalRoles.Editor);

        var page = await client.GetDocumentAsync("/manage");

        Assert.Equal("Manage", page.QuerySelector("h1")!.TextContent.Trim());
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.DoesNotContain("/manage/users", links);
        Assert.DoesNotContain("/manage/audit", links);
    }

    [Fact]
    public async Task Administrator_sees_links_to_users_agencies_and_the_audit_log()
    {
        var (_, client) = await site.SignedInAsync("admin", PortalRoles.Administrator);

        var page = await client.GetDocumentAsync("/manage");

        var links = page.QuerySelectorAll("main h2 a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("Users", "/manage/users"), ("Agencies", "/manage/agencies"), ("Search index", "/manage/search"), ("Audit log", "/manage/audit")], links);
    }

    [Fact]
    public async Task Editor_sees_training_and_search_among_their_areas()
    {
        var (_, client) = await site.SignedInAsync("editor-areas", PortalRoles.Editor);

        var page = await client.GetDocumentAsync("/manage");

        var links = page.QuerySelectorAll("main h2 a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Contains(("Training", "/manage/training"), links);
        Assert.Contains(("Search index", "/manage/search"), links);
        Assert.Contains(("Content", "/manage/content"), links);
    }

    [Theory]
    [InlineData(PortalRoles.Editor)]
    [InlineData(PortalRoles.Administrator)]
    public async Task The_manage_home_lists_exactly_the_areas_the_person_may_open(string role)
    {
        var (_, client) = await site.SignedInAsync("areas-" + role.ToLowerInvariant(), role);
        var areas = LearningPortal.Web.Pages.Manage.IndexModel.AreaEndpoints(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>(site.Services)).ToList();

        var page = await client.GetDocumentAsync("/manage");
        var listed = page.QuerySelectorAll("main h2 a").Select(a => a.GetAttribute("href")!).ToList();

        Assert.All(areas, a => Assert.True(LearningPortal.Web.Pages.Manage.IndexModel.Descriptions.ContainsKey(a.Page), $"{a.Page} has no title and description on the Manage home"));
        foreach (var (areaPage, _) in areas)
        {
            var path = "/" + string.Join('/', areaPage.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipLast(1)).ToLowerInvariant();
            var status = (await client.GetAsync(path)).StatusCode;
            Assert.True(listed.Contains(path) == (status == HttpStatusCode.OK), $"{role}: {path} answers {status} but is {(listed.Contains(path) ? "" : "not ")}listed");
        }
    }

    [Theory]
    [InlineData("/manage")]
    [InlineData("/manage/users")]
    [InlineData("/manage/audit")]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string path)
    {
        using var client = site.CreatePortalClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
