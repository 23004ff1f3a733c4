using LearningPortal.Tests.Account;
using LearningPortal.Web.Security.RateLimiting;

namespace LearningPortal.Tests.Security;

/// <summary>The site with low limits (3 per address or account, 6 per network), behind a proxy so that each test is its own network.</summary>
public class LowRateLimitSite : PortalFactory
{
    public const int PerSubject = 3;
    public const int PerNetwork = 6;

    protected override IDictionary<string, string?> ExtraSettings
    {
        get
        {
            var settings = new Dictionary<string, string?> { ["FORWARDEDHEADERS_ENABLED"] = "true" };
            foreach (var policy in PortalRateLimitOptions.Defaults.Keys)
            {
                settings[$"RateLimits:{policy}:PerSubject"] = PerSubject.ToString(System.Globalization.CultureInfo.InvariantCulture);
                settings[$"RateLimits:{policy}:PerNetwork"] = PerNetwork.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return settings;
        }
    }
}

public class RateLimitTests(LowRateLimitSite site) : IClassFixture<LowRateLimitSite>
{
    [Fact]
    public async Task Sign_in_is_limited_per_typed_address_alike_for_known_and_unknown_addresses()
    {
        var known = (await site.CreateUserAsync(TestUsers.UniqueEmail("limited"))).Email!;
        var unknown = TestUsers.UniqueEmail("nobody");

        foreach (var email in new[] { known, unknown })
        {
            // Each address from two networks, so that only the per-address count can refuse.
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i <= LowRateLimitSite.PerSubject; i++)
            {
                var response = await PostAsync(NewNetwork(), "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = "wrong password for the limit" });
                statuses.Add(response.StatusCode);
                if (i == LowRateLimitSite.PerSubject)
                {
                    await AssertTooManyAttemptsAsync(response);
                }
            }

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        }
    }

    [Fact]
    public async Task Sign_in_is_limited_per_network_across_addresses()
    {
        var network = NewNetwork();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= LowRateLimitSite.PerNetwork; i++)
        {
            var response = await PostAsync(network, "/account/sign-in", new() { ["Input.Email"] = TestUsers.UniqueEmail("spray"), ["Input.Password"] = "Summer2026!Summer2026!" });
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(LowRateLimitSite.PerNetwork), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Forgotten_password_sends_no_more_emails_once_the_address_is_limited()
    {
        var email = (await site.CreateUserAsync(TestUsers.UniqueEmail("flood"))).Email!;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await PostAsync(NewNetwork(), "/account/forgotten-password", new() { ["Input.Email"] = email })).StatusCode);
        }

        Assert.Equal(LowRateLimitSite.PerSubject, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(10 - LowRateLimitSite.PerSubject, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        var queued = 0;
        await site.WithDbAsync(async db => queued = await db.OutboxMessages.CountAsync(m => m.ToAddress == email));
        Assert.Equal(LowRateLimitSite.PerSubject, queued);
    }

    [Theory]
    [InlineData("/account/resend-confirmation")]
    [InlineData("/account/create")]
    public async Task Email_forms_are_limited_per_typed_address(string path)
    {
        var email = TestUsers.UniqueEmail("again");
        var last = HttpStatusCode.OK;
        for (var i = 0; i <= LowRateLimitSite.PerSubject; i++)
        {
            last = (await PostAsync(NewNetwork(), path, new() { ["Input.Email"] = email })).StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }

    [Fact]
    public async Task The_second_step_is_limited_per_account()
    {
        var email = (await site.CreateUserAsync(TestUsers.UniqueEmail("second"))).Email!;
        await site.EnableAuthenticatorAsync(email);
        using var client = site.CreatePortalClient();
        var network = NewNetwork();
        var first = await PostAsync(network, "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = TestUsers.Password }, client);
        var secondStep = first.Headers.Location!.OriginalString;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= LowRateLimitSite.PerSubject; i++)
        {
            statuses.Add((await PostAsync(NewNetwork(), secondStep, new() { ["Code"] = "000000" }, client)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(LowRateLimitSite.PerSubject));
    }

    [Fact]
    public async Task The_recovery_code_step_is_limited_per_account()
    {
        var email = (await site.CreateUserAsync(TestUsers.UniqueEmail("recovery"))).Email!;
        await site.EnableAuthenticatorAsync(email);
        using var client = site.CreatePortalClient();
        await PostAsync(NewNetwork(), "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = TestUsers.Password }, client);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= LowRateLimitSite.PerSubject; i++)
        {
            statuses.Add((await PostAsync(NewNetwork(), "/account/sign-in/recovery-code", new() { ["RecoveryCode"] = "not-a-code" }, client)).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(LowRateLimitSite.PerSubject));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Anonymous_feedback_is_limited_per_network()
    {
        var network = NewNetwork();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= LowRateLimitSite.PerNetwork; i++)
        {
            // Nothing answered: the form's own errors until the limit, which counts every post.
            statuses.Add((await PostAsync(network, "/feedback/briefing-feedback", [])).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(LowRateLimitSite.PerNetwork / 2));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task The_line_managers_approval_link_is_limited_per_network_even_for_reading()
    {
        var network = NewNetwork();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= LowRateLimitSite.PerNetwork; i++)
        {
            using var client = site.CreatePortalClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/training/approval/guess-{i}");
            request.Headers.Add("X-Forwarded-For", network);
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(LowRateLimitSite.PerNetwork));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    /// <summary>A client address of its own, as the proxy reports it (X-Forwarded-For).</summary>
    private static string NewNetwork() => $"10.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";

    /// <summary>Opens the page and posts its form with the fields, both requests from the given network (through the proxy).</summary>
    private async Task<HttpResponseMessage> PostAsync(string network, string path, Dictionary<string, string> fields, PortalClient? signedIn = null)
    {
        using var own = signedIn is null ? site.CreatePortalClient() : null;
        var client = signedIn ?? own!;
        using var get = new HttpRequestMessage(HttpMethod.Get, path);
        get.Headers.Add("X-Forwarded-For", network);
        var page = await PortalClient.ParseAsync(await client.SendAsync(get));
        var token = page.QuerySelector("main form input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No form on {path}");
        fields["__RequestVerificationToken"] = token;
        using var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("X-Forwarded-For", network);
        return await client.SendAsync(post);
    }

    private static async Task AssertTooManyAttemptsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero, "No Retry-After on a limited request");
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("Too many attempts", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.StartsWith("Too many attempts", page.Title, StringComparison.Ordinal);
    }
}
