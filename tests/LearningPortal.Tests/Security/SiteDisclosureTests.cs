using System.Text.Json;

namespace LearningPortal.Tests.Security;

/// <summary>The site with a security.txt configured.</summary>
public class SecurityTxtSite : PortalFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["SecurityTxt:Contact:0"] = "mailto:security@riverside-scp.example",
        ["SecurityTxt:Contact:1"] = "https://riverside-scp.example/report-a-vulnerability",
        ["SecurityTxt:Expires"] = "2027-12-31T00:00:00Z",
        ["SecurityTxt:Policy"] = "https://riverside-scp.example/security-policy",
    };
}

/// <summary>What the site tells strangers about itself: no server name, no internals on /health, a security.txt.</summary>
public class SiteDisclosureTests(SecurityTxtSite site) : IClassFixture<SecurityTxtSite>
{
    [Fact]
    public async Task No_response_names_the_web_server()
    {
        using var client = site.CreatePortalClient();

        var page = await client.GetAsync("/");
        var missing = await client.GetAsync("/no-such-page");

        Assert.False(page.Headers.Contains("Server"), "Server: " + string.Join(",", page.Headers.TryGetValues("Server", out var v) ? v : []));
        Assert.False(missing.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Health_tells_anonymous_callers_only_the_overall_status()
    {
        using var client = site.CreatePortalClient();

        var response = await client.GetAsync("/health");
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["status"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("Sqlite", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("PostgreSql", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pending", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_details_are_for_administrators_signed_in_with_two_factors()
    {
        var health = await site.GetHealthAsync();

        Assert.Equal(site.Database.Provider, health.GetProperty("database").GetProperty("provider").GetString());
    }

    [Fact]
    public async Task Security_txt_is_served_from_configuration()
    {
        using var client = site.CreatePortalClient();

        var response = await client.GetAsync("/.well-known/security.txt");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Contact: mailto:security@riverside-scp.example\n", text, StringComparison.Ordinal);
        Assert.Contains("Contact: https://riverside-scp.example/report-a-vulnerability\n", text, StringComparison.Ordinal);
        Assert.Contains("Expires: 2027-12-31T00:00:00Z\n", text, StringComparison.Ordinal);
        Assert.Contains("Policy: https://riverside-scp.example/security-policy\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://meet.example/session")]
    public async Task The_training_service_refuses_a_joining_link_that_is_not_https(string link)
    {
        var start = DateTime.UtcNow.AddDays(30);
        var details = new SessionDetails(start, start.AddHours(2), SessionFormat.Online, null, link, 20,
            DateTime.UtcNow, start.AddDays(-1), "Trainer", null, false);

        // Straight to the service, past the page's own check: the service must refuse it too.
        var result = await site.WithScopeAsync(sp => sp.GetRequiredService<SessionAdministration>().CreateAsync(0, details, new Actor(null, "Test")));

        Assert.True(result.RefusedBecause(TrainingRefusal.InvalidDetails), result.ToString());
        Assert.Equal("Enter the joining link, starting with https://", result.Message);
    }
}
