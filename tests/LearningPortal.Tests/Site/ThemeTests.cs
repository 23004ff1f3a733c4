namespace LearningPortal.Tests.Site;

/// <summary>The site with Theme:Name = northmoor: another partnership's installation.</summary>
public class NorthmoorSite : PortalFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Theme:Name"] = "northmoor",
    };
}

public class ThemeTests(PortalFactory riverside, NorthmoorSite northmoor) : IClassFixture<PortalFactory>, IClassFixture<NorthmoorSite>
{
    [Fact]
    public async Task Default_theme_is_riverside_with_its_name_footer_links_and_stylesheet()
    {
        using var client = riverside.CreatePortalClient();

        var page = await client.GetDocumentAsync("/");

        Assert.Contains("Riverside Safeguarding Children Partnership", page.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("Learning Portal - Riverside SCP", page.Title, StringComparison.Ordinal);
        var stylesheet = page.QuerySelector("link[rel='stylesheet']")!.GetAttribute("href");
        Assert.StartsWith("/themes/default/theme.css", stylesheet, StringComparison.Ordinal);
        var footer = page.QuerySelectorAll("footer a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Contact the partnership", footer);
        Assert.DoesNotContain("Northmoor procedures manual", footer);
        Assert.DoesNotContain("Northmoor", page.DocumentElement.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Northmoor_theme_shows_its_name_service_name_footer_links_and_stylesheet()
    {
        using var client = northmoor.CreatePortalClient();

        var page = await client.GetDocumentAsync("/");

        Assert.Contains("Northmoor Safeguarding Children Partnership", page.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Learning and Training", page.QuerySelector(".govuk-service-navigation__service-name")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("Learning and Training - Northmoor SCP", page.Title, StringComparison.Ordinal);
        var stylesheet = page.QuerySelector("link[rel='stylesheet']")!.GetAttribute("href");
        Assert.StartsWith("/themes/northmoor/theme.css", stylesheet, StringComparison.Ordinal);
        Assert.Equal("/themes/northmoor/logo.svg", page.QuerySelector("header img")!.GetAttribute("src"));
        var footer = page.QuerySelectorAll("footer a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
        Assert.Equal("mailto:nscp@northmoor.example", footer["Northmoor partnership office"]);
        Assert.True(footer.ContainsKey("Worried about a child in Northmoor?"));
        Assert.True(footer.ContainsKey("Northmoor procedures manual"));
        Assert.True(footer.ContainsKey("Accessibility statement"));
        Assert.DoesNotContain("Riverside", page.DocumentElement.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("northmoor")]
    public async Task Each_theme_stylesheet_and_logo_is_served(string theme)
    {
        using var client = riverside.CreatePortalClient();

        var css = await client.GetAsync($"/themes/{theme}/theme.css");
        var logo = await client.GetAsync($"/themes/{theme}/logo.svg");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".lp-header", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/svg+xml", logo.Content.Headers.ContentType?.MediaType);
    }
}
