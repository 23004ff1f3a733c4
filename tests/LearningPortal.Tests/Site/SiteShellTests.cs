namespace LearningPortal.Tests.Site;

public class SiteShellTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Home_page_shows_the_partnership_name_service_navigation_and_skip_link()
    {
        using var client = site.CreatePortalClient();
        var page = await client.GetDocumentAsync("/");

        Assert.Contains("Riverside Safeguarding Children Partnership", page.QuerySelector("header")!.TextContent);
        var nav = page.QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal("Learning Portal", nav[0]);
        Assert.Equal("Sign in", nav[^1]);
        Assert.NotNull(page.QuerySelector("a.govuk-skip-link[href='#main-content']"));
    }

    [Fact]
    public async Task Navigation_shows_supervision_only_to_people_who_can_open_it()
    {
        using var visitor = site.CreatePortalClient();
        using var member = await site.SignedInClientAsync("nav");

        var anonymousNav = (await visitor.GetDocumentAsync("/")).QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.GetAttribute("href")).ToList();
        var memberNav = (await member.GetDocumentAsync("/")).QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.GetAttribute("href")).ToList();

        Assert.DoesNotContain("/supervision", anonymousNav);
        Assert.Contains("/training", anonymousNav);
        Assert.Contains("/supervision", memberNav);
    }

    [Fact]
    public async Task Charts_use_the_site_font_and_wide_tables_scroll_in_their_own_region()
    {
        using var client = site.CreatePortalClient();
        var home = await client.GetDocumentAsync("/");
        var stylesheet = home.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        var css = await (await client.GetAsync(stylesheet)).Content.ReadAsStringAsync();

        Assert.Matches(@"\.lp-bar-chart\{font-family:[^}]*sans-serif", css);
        Assert.Matches(@"\.lp-table-scroll\{[^}]*overflow-x:auto", css);
    }

    [Fact]
    public async Task Health_reports_database_and_outbox_as_json_to_monitoring()
    {
        var health = await site.GetHealthAsync();

        Assert.Equal("Healthy", health.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(site.Database.Provider, health.GetProperty("database").GetProperty("provider").GetString());
        Assert.True(health.GetProperty("outbox").TryGetProperty("pending", out _));
    }

    [Fact]
    public async Task Unknown_address_gets_the_branded_not_found_page_without_sign_in()
    {
        using var client = site.CreatePortalClient();
        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Riverside", page.QuerySelector("header")!.TextContent);
    }
}
