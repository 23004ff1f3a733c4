using System.Net.Http.Headers;
using System.Text.Json;
using LearningPortal.Tests.Manage;

namespace LearningPortal.Tests.Site;

/// <summary>/health, /health/ready and /health/live: the status for anyone, the details for Administrators and monitoring's token.</summary>
public class HealthTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> Paths => new() { "/health", "/health/ready", "/health/live" };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Anonymous_callers_and_wrong_tokens_get_the_status_only(string path)
    {
        using var client = site.CreatePortalClient();
        foreach (var token in new[] { null, "not-the-token" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(new[] { "status" }, json.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Ready_checks_the_database_and_live_checks_nothing()
    {
        using var client = site.CreatePortalClient();

        var ready = await DetailsAsync(client, "/health/ready");
        var live = await DetailsAsync(client, "/health/live");

        Assert.Equal("Healthy", ready.GetProperty("database").GetProperty("status").GetString());
        Assert.False(ready.TryGetProperty("outbox", out _));
        Assert.Equal(new[] { "status", "durationMs" }, live.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_signed_in_administrator_sees_the_details_and_a_practitioner_does_not()
    {
        var (_, administrator) = await site.SignedInAsync("health-admin", PortalRoles.Administrator);
        var (_, practitioner) = await site.SignedInAsync("health-practitioner");
        using (administrator)
        using (practitioner)
        {
            using var forAdministrator = JsonDocument.Parse(await (await administrator.GetAsync("/health")).Content.ReadAsStringAsync());
            using var forPractitioner = JsonDocument.Parse(await (await practitioner.GetAsync("/health")).Content.ReadAsStringAsync());

            Assert.Equal(site.Database.Provider, forAdministrator.RootElement.GetProperty("database").GetProperty("provider").GetString());
            Assert.False(forPractitioner.RootElement.TryGetProperty("database", out _));
        }
    }

    private static async Task<JsonElement> DetailsAsync(PortalClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PortalFactory.HealthToken);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
