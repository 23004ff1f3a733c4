using System.Text.Json;

namespace LearningPortal.Tests.Infrastructure;

public static class SiteHealth
{
    /// <summary>GETs /health with the monitoring token (as monitoring would, to see each check) and returns its JSON.</summary>
    public static async Task<JsonElement> GetHealthAsync(this PortalFactory site)
    {
        using var client = site.CreatePortalClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", PortalFactory.HealthToken);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
