using LearningPortal.Core.Content;
using LearningPortal.Core.Search;
using LearningPortal.Search;
using LearningPortal.Web.Content;

namespace LearningPortal.Tests.Content.Search;

/// <summary>What content search shows: words as readers see them, names as editors chose them, briefings by their audit year.</summary>
public class SearchSnippetTests(ContentSite site) : IClassFixture<ContentSite>
{
    [Fact]
    public async Task Indexed_text_is_the_rendered_words_without_markdown_and_formats_have_their_display_names()
    {
        var all = await AllAsync(includeDrafts: false);

        var barnsley = all.Single(d => d.Url == "/learning/neglect-multi-agency-audit-2025");
        Assert.DoesNotContain("**", barnsley.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("## ", barnsley.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(barnsley.Body.Split('\n'), line => line.StartsWith('>') || line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith(":::", StringComparison.Ordinal));
        Assert.Equal("Audit learning briefing", barnsley.Format);
        var tool = all.Single(d => d.Url == "/toolkit/neglect-screening-tool");
        Assert.Equal("Screening tools", tool.Format);
        Assert.DoesNotContain(all, d => d.Format is "audit-learning-briefing" or "screening-tool" or "at-a-glance" or "seven-minute-briefing");
    }

    [Fact]
    public async Task A_search_result_snippet_shows_no_markdown_and_the_format_by_its_name()
    {
        var slug = Build.Slug("snippet");
        await site.PublishNewAsync(Build.Briefing("Snippet briefing", f => f.GoodPractice = "**Zanzibarish** practice was seen in\n\n> quoted zanzibarish words"), slug, "## Zanzibarish heading\n\nSome *zanzibarish* text.");
        using var client = site.CreatePortalClient();

        var hit = await Eventually(async () =>
        {
            var page = await client.GetDocumentAsync("/search?q=zanzibarish");
            return page.QuerySelectorAll(".lp-search-result").FirstOrDefault(r => r.QuerySelector($"a[href='/learning/{slug}']") is not null);
        });

        Assert.NotNull(hit);
        var snippet = hit.QuerySelector(".lp-search-result__snippet")!.TextContent;
        Assert.Contains("anzibarish", snippet, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("**", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("##", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain(">", snippet, StringComparison.Ordinal);
        var meta = hit.QuerySelector(".lp-search-result__meta")!.TextContent;
        Assert.Contains("Audit learning briefing", meta, StringComparison.Ordinal);
        Assert.DoesNotContain("audit-learning-briefing", meta, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_briefing_is_dated_by_its_audit_in_search_even_as_a_draft()
    {
        var draft = await site.CreateAsync(Build.Briefing("Draft dated by audit", f => f.AuditDate = new DateOnly(2017, 5, 1)), Build.Slug("audit-year"));
        var published = await site.PublishNewAsync(Build.Briefing("Published dated by audit", f => f.AuditDate = new DateOnly(2016, 9, 1)), Build.Slug("audit-year"));
        await site.SaveDraftAsync(published.DocumentId, 1, Build.Briefing("Published dated by audit", f => f.AuditDate = new DateOnly(2015, 2, 1)), published.Slug);
        var source = Source();

        var draftDocs = await source.GetAsync("briefing", draft.DocumentId.ToString(System.Globalization.CultureInfo.InvariantCulture), includeDrafts: true, CancellationToken.None);
        var publishedDocs = await source.GetAsync("briefing", published.DocumentId.ToString(System.Globalization.CultureInfo.InvariantCulture), includeDrafts: true, CancellationToken.None);

        Assert.Equal(2017, Assert.Single(draftDocs).Date?.Year);
        Assert.Equal(2016, publishedDocs.Single(d => !d.IsDraft).Date?.Year);
        Assert.Equal(2015, publishedDocs.Single(d => d.IsDraft).Date?.Year);
    }

    private ContentSearchSource Source() => site.Services.GetServices<ISearchSource>().OfType<ContentSearchSource>().Single();

    private async Task<List<SearchDocument>> AllAsync(bool includeDrafts)
    {
        var all = new List<SearchDocument>();
        await foreach (var d in Source().GetAllAsync(includeDrafts, CancellationToken.None))
        {
            all.Add(d);
        }

        return all;
    }

    private static async Task<T?> Eventually<T>(Func<Task<T?>> probe)
        where T : class
    {
        for (var i = 0; i < 50; i++)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(200);
        }

        return null;
    }
}
