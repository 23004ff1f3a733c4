using LearningPortal.Core.Search;
using LearningPortal.Search;

namespace LearningPortal.Tests.Content.Search;

/// <summary>The real site's search over its real content: starter briefings are found, and unpublishing takes one out.</summary>
public class ContentSearchTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Starter_briefings_are_searchable_by_their_questions_for_reflection()
    {
        using var client = site.CreatePortalClient();

        var page = await Eventually(async () =>
        {
            var doc = await client.GetDocumentAsync("/search?q=%22voice+of+the+child%22");
            return doc.QuerySelectorAll("main a[href^='/learning/']").Length > 0 ? doc : null;
        });

        Assert.NotNull(page);
    }

    [Fact]
    public async Task A_published_document_is_in_the_index_and_an_unknown_id_is_not()
    {
        var source = site.Services.GetServices<ISearchSource>().OfType<LearningPortal.Core.Content.ContentSearchSource>().Single();

        var all = new List<SearchDocument>();
        await foreach (var d in source.GetAllAsync(includeDrafts: false, CancellationToken.None))
        {
            all.Add(d);
        }

        Assert.Contains(all, d => d.Kind == "briefing" && d.Questions.Count > 0 && d.Url.StartsWith("/learning/", StringComparison.Ordinal));
        Assert.Contains(all, d => d.Kind == "strategy");
        Assert.Empty(await source.GetAsync("briefing", "999999", includeDrafts: true, CancellationToken.None));
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
