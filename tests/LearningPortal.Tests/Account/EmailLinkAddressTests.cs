namespace LearningPortal.Tests.Account;

/// <summary>A site whose public address (Site:Address) is not the address the tests reach it on.</summary>
public sealed class ConfiguredAddressPortalFactory : PortalFactory
{
    public const string Address = "https://learning.partnership.example/portal";

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Site:Address"] = Address };
}

public class EmailLinkAddressTests(ConfiguredAddressPortalFactory site) : IClassFixture<ConfiguredAddressPortalFactory>
{
    [Fact]
    public async Task Reset_links_use_the_configured_site_address_whatever_Host_the_request_names()
    {
        var email = TestUsers.UniqueEmail("host");
        await site.CreateUserAsync(email);
        using var client = site.CreatePortalClient();

        using var get = new HttpRequestMessage(HttpMethod.Get, "/account/forgotten-password");
        get.Headers.Host = "attacker.example";
        var form = await PortalClient.ParseAsync(await client.SendAsync(get));
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/forgotten-password")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = email, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Host = "attacker.example";
        var response = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var body = (await site.WaitForEmailAsync(email, "Reset your password")).TextBody;
        Assert.Contains(ConfiguredAddressPortalFactory.Address + "/account/reset-password?", body, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", body, StringComparison.Ordinal);
    }
}
