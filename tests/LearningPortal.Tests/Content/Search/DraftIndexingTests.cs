using LearningPortal.Core.Search;
using LearningPortal.Search;
using LearningPortal.Core.Content;

namespace LearningPortal.Tests.Content.Search;

/// <summary>What the back-office search holds for a document revised several times since it was published.</summary>
public class DraftIndexingTests(EmptyContentSite site) : IClassFixture<EmptyContentSite>
{
    [Fact]
    public async Task The_back_office_index_holds_the_newest_draft_and_the_published_version_but_not_an_older_draft()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (live, older, newest) = ("bramblewick" + tag, "corvidale" + tag, "thistlemoor" + tag);
        var slug = Build.Slug("revised");
        var first = await site.CreateAsync(Build.Briefing("Revised briefing"), slug, $"First text about {live}.");
        await site.PublishAsync(first.DocumentId, 1);
        Assert.True((await site.SaveDraftAsync(first.DocumentId, 1, Build.Briefing("Revised briefing"), slug, $"Second text about {older}.")).Succeeded);
        Assert.True((await site.SaveDraftAsync(first.DocumentId, 2, Build.Briefing("Revised briefing"), slug, $"Third text about {newest}.")).Succeeded);
        var id = first.DocumentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var source = site.Services.GetServices<ISearchSource>().OfType<ContentSearchSource>().Single();
        var index = site.Services.GetRequiredService<ISearchIndex>();

        var one = await source.GetAsync("briefing", id, includeDrafts: true, CancellationToken.None);
        var all = new List<SearchDocument>();
        await foreach (var d in source.GetAllAsync(includeDrafts: true, CancellationToken.None))
        {
            all.Add(d);
        }

        var draftHit = await EventuallyAsync(() => index.Search(new SearchQuery { Text = newest, IncludeDrafts = true }).Hits.SingleOrDefault());
        var olderHits = index.Search(new SearchQuery { Text = older, IncludeDrafts = true });
        var liveHits = index.Search(new SearchQuery { Text = live });

        foreach (var supplied in new[] { one, all.Where(d => d.Id == id).ToList() })
        {
            Assert.Equal(2, supplied.Count);
            Assert.Contains(newest, Assert.Single(supplied, d => d.IsDraft).Body, StringComparison.Ordinal);
            Assert.Contains(live, Assert.Single(supplied, d => !d.IsDraft).Body, StringComparison.Ordinal);
            Assert.DoesNotContain(supplied, d => d.Body.Contains(older, StringComparison.Ordinal));
        }

        Assert.True(draftHit?.IsDraft);
        Assert.Equal(0, olderHits.Total);
        Assert.False(Assert.Single(liveHits.Hits).IsDraft);
    }

    private static async Task<T?> EventuallyAsync<T>(Func<T?> probe)
        where T : class
    {
        for (var i = 0; i < 75; i++)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(200);
        }

        return null;
    }
}
