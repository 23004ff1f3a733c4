namespace LearningPortal.Tests.Site;

public partial class SecurityHeadersTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> Pages => ["/", "/accessibility", "/privacy", "/cookies", "/no-such-page"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_content_security_policy_allows_only_its_own_scripts_and_the_inline_script_with_its_nonce(string path)
    {
        using var client = site.CreatePortalClient();

        var response = await client.GetAsync(path);
        var page = await PortalClient.ParseAsync(response);

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        var nonce = Assert.Single(NonceSource().Matches(csp)).Groups[1].Value;
        var inlineScripts = page.QuerySelectorAll("script:not([src])").ToList();
        Assert.NotEmpty(inlineScripts);
        // A page served from the output cache keeps the nonce of the response that was cached; its script's hash allows it.
        Assert.All(inlineScripts, s => Assert.True(s.GetAttribute("nonce") == nonce || csp.Contains(HashSource(s.TextContent), StringComparison.Ordinal),
            $"Inline script allowed neither by this response's nonce nor by hash: {s.TextContent}"));
        Assert.DoesNotContain("'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'nonce-", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        // style-src 'self' also refuses inline styles: the pages must not need any.
        Assert.Empty(page.QuerySelectorAll("style, [style]"));
    }

    [Fact]
    public async Task Every_response_gets_a_fresh_nonce()
    {
        using var client = site.CreatePortalClient();

        var first = string.Join(" ", (await client.GetAsync("/")).Headers.GetValues("Content-Security-Policy"));
        var second = string.Join(" ", (await client.GetAsync("/")).Headers.GetValues("Content-Security-Policy"));

        Assert.NotEqual(NonceSource().Match(first).Groups[1].Value, NonceSource().Match(second).Groups[1].Value);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_refuses_framing_and_content_sniffing_and_limits_the_referrer(string path)
    {
        using var client = site.CreatePortalClient();

        var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_files_also_carry_the_security_headers()
    {
        using var client = site.CreatePortalClient();

        var response = await client.GetAsync("/js/site.js");

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    private static string HashSource(string script) =>
        "'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script))) + "'";

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();
}
