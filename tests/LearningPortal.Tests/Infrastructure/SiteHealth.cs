using System.Net;
using System.Text.Json;

namespace LearningPortal.Tests.Infrastructure;

public static class SiteHealth
{
    /// <summary>GETs /health with its details (as an Administrator signed in with two factors) and returns its JSON.</summary>
    public static async Task<JsonElement> GetHealthAsync(this PortalFactory site)
    {
        using var client = site.CreatePortalClient();
        var email = TestUsers.UniqueEmail("health");
        await site.CreateUserAsync(email, TestUsers.Password, LearningPortal.Core.Accounts.PortalRoles.Administrator);
        await client.SignInWithTwoFactorAsync(email);
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
