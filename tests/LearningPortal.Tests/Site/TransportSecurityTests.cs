namespace LearningPortal.Tests.Site;

/// <summary>
/// HSTS and cookie flags as a browser sees them through the TLS-terminating proxy of a deployment. Kestrel in the
/// tests speaks plain http; the proxy's X-Forwarded-Proto header is what makes a request HTTPS to the site.
/// </summary>
public class TransportSecurityTests(BehindTlsProxySite site) : IClassFixture<BehindTlsProxySite>
{
    [Fact]
    public async Task Hsts_is_sent_over_https_outside_development()
    {
        using var client = site.CreatePortalClient();

        var response = await client.SendAsync(BehindTlsProxySite.Request("/", https: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.StartsWith("max-age=", hsts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hsts_is_not_sent_over_plain_http_because_browsers_ignore_it_there()
    {
        using var client = site.CreatePortalClient();

        var response = await client.SendAsync(BehindTlsProxySite.Request("/", https: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Sign_in_cookie_is_secure_http_only_and_same_site_lax()
    {
        var email = TestUsers.UniqueEmail("cookie");
        await site.CreateUserAsync(email);
        using var client = site.CreatePortalClient();

        var response = await BehindTlsProxySite.SignInAsync(client, email, https: true);

        var cookie = SetCookie.Find(response, "lp.auth");
        Assert.True(cookie.Secure, "lp.auth is not Secure");
        Assert.True(cookie.HttpOnly, "lp.auth is not HttpOnly");
        Assert.Equal("lax", cookie.SameSite);
        Assert.Contains("path=/", cookie.Attributes);
    }

    [Fact]
    public async Task Antiforgery_cookie_of_a_page_with_a_form_is_secure_http_only_and_same_site_strict()
    {
        using var client = site.CreatePortalClient();

        var response = await client.SendAsync(BehindTlsProxySite.Request("/account/sign-in", https: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        // The sign-in page has two forms (password, passkey): each carries its token.
        Assert.All(page.QuerySelectorAll("main form"), form => Assert.Single(form.QuerySelectorAll("input[name='__RequestVerificationToken']")));
        var cookie = SetCookie.Find(response, "lp.af");
        Assert.True(cookie.Secure, "lp.af is not Secure");
        Assert.True(cookie.HttpOnly, "lp.af is not HttpOnly");
        Assert.Equal("strict", cookie.SameSite);
        Assert.Contains("path=/", cookie.Attributes);
    }

    [Fact]
    public async Task Page_with_a_form_still_works_over_plain_http_as_in_development()
    {
        // Antiforgery with SecurePolicy Always throws on every plain-http request that renders a form.
        var email = TestUsers.UniqueEmail("plain-http");
        await site.CreateUserAsync(email);
        using var client = site.CreatePortalClient();
        await BehindTlsProxySite.SignInAsync(client, email, https: false);

        var response = await client.SendAsync(BehindTlsProxySite.Request("/", https: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("form[action='/account/sign-out'] input[name='__RequestVerificationToken']"));
    }
}
