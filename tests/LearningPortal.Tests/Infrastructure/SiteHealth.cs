using System.Net;
using System.Text.Json;

namespace LearningPortal.Tests.Infrastructure;

public static class SiteHealth
{
    /// <summary>GETs /health (anonymous, as a load balancer would) and returns its JSON.</summary>
    public static async Task<JsonElement> GetHealthAsync(this PortalFactory site)
    {
        using var client = site.CreatePortalClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
