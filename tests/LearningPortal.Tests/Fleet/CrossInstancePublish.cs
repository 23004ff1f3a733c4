using System.Diagnostics;

namespace LearningPortal.Tests.Fleet;

/// <summary>How long B takes to serve, and to find by search, what an editor published through A.</summary>
public sealed record CrossInstanceLatency(TimeSpan? Page, TimeSpan? Search);

/// <summary>
/// One round of the cross-instance publish: a briefing B has cached is revised and a new briefing is written (by the
/// control host), an editor publishes both through A's publish form, and B is polled every 50 ms until it serves the
/// revision and the new page and its search finds both. The fleet test and the fleet benchmark both run this.
/// </summary>
public static class CrossInstancePublish
{
    public static async Task<CrossInstanceLatency> MeasureAsync(FleetFixture fleet, PortalClient editorOnA, TimeSpan limit)
    {
        var control = fleet.Control;
        var word = "fleetword" + Guid.NewGuid().ToString("N")[..8];
        var revised = await control.PublishNewAsync(Build.Briefing("Cached on B " + word), body: "The first version.");
        var fresh = await control.CreateAsync(Build.Briefing("New on A " + word), body: "A brand new briefing.");
        var revisedPath = "/learning/" + revised.Slug;
        var freshPath = "/learning/" + fresh.Slug;
        using var b = new HttpClient { BaseAddress = fleet.B.Address };
        // B serves the page twice: the second answer comes from the output cache (in Redis).
        for (var i = 0; i < 2; i++)
        {
            var first = await b.GetStringAsync(revisedPath);
            if (!first.Contains("The first version.", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"B did not serve {revisedPath}.");
            }
        }

        var draft = await control.SaveDraftAsync(revised.DocumentId, revised.Number, Build.Briefing("Cached on B " + word), revised.Slug, $"The revised version says {word}revised.");
        if (!draft.Succeeded)
        {
            throw new InvalidOperationException(draft.ToString());
        }

        await PublishThroughFormAsync(editorOnA, revised.DocumentId);
        await PublishThroughFormAsync(editorOnA, fresh.DocumentId);
        var published = Stopwatch.StartNew();

        TimeSpan? page = null, search = null;
        while (published.Elapsed < limit && (page is null || search is null))
        {
            if (page is null && (await b.GetStringAsync(revisedPath)).Contains(word + "revised", StringComparison.Ordinal)
                && (await b.GetAsync(freshPath)).StatusCode == HttpStatusCode.OK)
            {
                page = published.Elapsed;
            }

            if (search is null)
            {
                var results = await b.GetStringAsync("/search?q=" + word);
                if (results.Contains(revisedPath, StringComparison.Ordinal) && results.Contains(freshPath, StringComparison.Ordinal)
                    && (await b.GetStringAsync("/search?q=" + word + "revised")).Contains(revisedPath, StringComparison.Ordinal))
                {
                    search = published.Elapsed;
                }
            }

            await Task.Delay(50);
        }

        return new CrossInstanceLatency(page, search);
    }

    /// <summary>Publishes the document's latest draft through the publish form, as an editor does.</summary>
    public static async Task PublishThroughFormAsync(PortalClient client, int documentId)
    {
        var path = $"/manage/content/{documentId}/publish";
        var page = await client.GetDocumentAsync(path);
        var response = await client.SubmitFormAsync(page, path, new Dictionary<string, string>(), "form[action*='handler=Publish']");
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Publishing {documentId} on A returned {(int)response.StatusCode}.");
        }
    }
}
