namespace LearningPortal.Tests.Site;

/// <summary>
/// The site as deployed behind a TLS-terminating proxy: forwarded headers on (ASPNETCORE_FORWARDEDHEADERS_ENABLED,
/// as docker-compose.yml sets it), so a request carrying X-Forwarded-Proto: https is an HTTPS request to the site.
/// </summary>
public class BehindTlsProxySite : PortalFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["FORWARDEDHEADERS_ENABLED"] = "true",
    };

    /// <summary>A request as the proxy forwards it: the public host name, and HTTPS or not.</summary>
    public static HttpRequestMessage Request(string path, bool https, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        request.Headers.Host = "learning.riverside-scp.example";
        if (https)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
        }

        return request;
    }

    /// <summary>
    /// Signs in through the real sign-in form, both requests arriving through the proxy; returns the sign-in
    /// response (whose Set-Cookie headers the cookie tests read).
    /// </summary>
    public static async Task<HttpResponseMessage> SignInAsync(PortalClient client, string email, bool https)
    {
        var form = await PortalClient.ParseAsync(await client.SendAsync(Request("/account/sign-in", https)));
        var token = form.QuerySelector("main form input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No anti-forgery token on the sign-in form");
        var post = Request("/account/sign-in", https, HttpMethod.Post);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = TestUsers.Password,
        });
        var response = await client.SendAsync(post);
        Assert.True(client.Cookies.ContainsKey("lp.auth"), $"Sign-in for {email} through the proxy returned {(int)response.StatusCode}");
        return response;
    }
}
