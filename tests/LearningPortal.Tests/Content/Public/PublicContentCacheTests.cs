using System.Security.Cryptography;
using System.Text;
using LearningPortal.Core.Content.Publishing;

namespace LearningPortal.Tests.Content.Public;

/// <summary>Anonymous readers get published pages from the output cache; publishing evicts it; signed-in pages are never shared.</summary>
public partial class PublicContentCacheTests(ContentSite site) : IClassFixture<ContentSite>
{
    [Fact]
    public async Task A_second_anonymous_request_for_a_briefing_is_served_from_the_cache_until_a_new_version_is_published()
    {
        var slug = Build.Slug("cached");
        var live = await site.PublishNewAsync(Build.Briefing("Original cached title"), slug);
        using var client = site.CreatePortalClient();
        var first = await client.GetAsync("/learning/" + slug);
        Assert.Contains("Original cached title", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Changed behind the engine's back (no notification): only a cached copy still shows the old title.
        await site.WithDbAsync(async db =>
        {
            var version = await db.DocumentVersions.FindAsync(live.Id);
            version!.FieldsJson = version.FieldsJson.Replace("Original cached title", "Changed without notice", StringComparison.Ordinal);
            await db.SaveChangesAsync();
        });

        var second = await client.GetAsync("/learning/" + slug);
        var secondHtml = await second.Content.ReadAsStringAsync();
        var draft = await site.SaveDraftAsync(live.DocumentId, live.Number, Build.Briefing("Second published title"), slug);
        await site.PublishAsync(live.DocumentId, draft.Value!.Number);
        var afterPublish = await client.GetDocumentAsync("/learning/" + slug);

        Assert.Contains("Original cached title", secondHtml, StringComparison.Ordinal);
        Assert.True(second.Headers.Age is not null, "A cached response carries an Age header");
        Assert.Equal("Second published title", afterPublish.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Unpublishing_a_briefing_takes_it_off_the_cached_index_and_its_cached_page_at_once()
    {
        var slug = Build.Slug("withdrawn");
        var live = await site.PublishNewAsync(Build.Briefing("Briefing soon withdrawn", f => f.AuditDate = new DateOnly(2099, 1, 1)), slug);
        using var client = site.CreatePortalClient();
        Assert.Contains("Briefing soon withdrawn", await (await client.GetAsync("/learning")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/learning/" + slug)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/learning/" + slug)).StatusCode);

        await site.WithAsync(sp => sp.GetRequiredService<ContentPublisher>().UnpublishAsync(live.DocumentId, Build.Editor));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/learning/" + slug)).StatusCode);
        Assert.DoesNotContain("Briefing soon withdrawn", await (await client.GetAsync("/learning")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_readers_page_is_never_cached_for_anonymous_readers_nor_theirs_for_them()
    {
        var slug = Build.Slug("shared");
        await site.PublishNewAsync(Build.Briefing("Page read by both"), slug);
        using var signedIn = await site.SignedInClientAsync("reader");
        using var anonymous = site.CreatePortalClient();

        var signedInFirst = await signedIn.GetDocumentAsync("/learning/" + slug);
        var anonymousPages = new[] { await anonymous.GetDocumentAsync("/learning/" + slug), await anonymous.GetDocumentAsync("/learning/" + slug) };
        var signedInAfter = await signedIn.GetDocumentAsync("/learning/" + slug);

        Assert.NotNull(signedInFirst.QuerySelector("form[action='/account/sign-out']"));
        Assert.All(anonymousPages, page =>
        {
            Assert.Null(page.QuerySelector("form[action='/account/sign-out']"));
            Assert.Null(page.QuerySelector("input[name='__RequestVerificationToken']"));
            Assert.DoesNotContain("Test reader", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        });
        Assert.NotNull(signedInAfter.QuerySelector("form[action='/account/sign-out'] input[name='__RequestVerificationToken']"));
    }

    [Fact]
    public async Task The_learning_index_is_cached_per_filter_and_page()
    {
        using var client = site.CreatePortalClient();

        var all = await client.GetDocumentAsync("/learning");
        var cachedAll = await client.GetDocumentAsync("/learning");
        var filtered = await client.GetDocumentAsync("/learning?year=2021");

        Assert.Equal(all.QuerySelectorAll(".lp-results__item").Length, cachedAll.QuerySelectorAll(".lp-results__item").Length);
        Assert.True(filtered.QuerySelectorAll(".lp-results__item").Length < all.QuerySelectorAll(".lp-results__item").Length, "The year filter is not served the unfiltered page");
    }

    [Fact]
    public async Task A_page_served_from_the_cache_gets_a_fresh_nonce_and_its_inline_script_is_allowed_by_its_hash()
    {
        using var client = site.CreatePortalClient();
        const string path = "/learning/neglect-multi-agency-audit-2025";

        var first = await client.GetAsync(path);
        var second = await client.GetAsync(path);
        var cachedPage = await PortalClient.ParseAsync(second);

        var firstCsp = string.Join(" ", first.Headers.GetValues("Content-Security-Policy"));
        var secondCsp = string.Join(" ", second.Headers.GetValues("Content-Security-Policy"));
        Assert.NotEqual(NonceSource().Match(firstCsp).Groups[1].Value, NonceSource().Match(secondCsp).Groups[1].Value);
        var script = Assert.Single(cachedPage.QuerySelectorAll("script:not([src])")).TextContent;
        var hash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script))) + "'";
        Assert.Contains(hash, secondCsp, StringComparison.Ordinal);
        Assert.Null(cachedPage.QuerySelector("input[name='__RequestVerificationToken']"));
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();
}
