using LearningPortal.Search;

namespace LearningPortal.Tests.Search;

public sealed class LibraryIndex : IDisposable
{
    public TempIndex Index { get; } = new(Docs.Library());

    public void Dispose() => Index.Dispose();
}

public class HostileQueryTests(LibraryIndex library, LibrarySite site) : IClassFixture<LibraryIndex>, IClassFixture<LibrarySite>
{
    [Theory]
    [MemberData(nameof(HostileQueries.All), MemberType = typeof(HostileQueries))]
    public void Hostile_or_broken_queries_give_results_or_a_friendly_outcome(int number, string query)
    {
        var results = library.Index.Search(query);

        Assert.True(results.Outcome is SearchOutcome.Results or SearchOutcome.NoSearchableWords or SearchOutcome.NothingToSearch, $"query {number}: {results.Outcome}");
        Assert.All(results.Hits, h => Assert.DoesNotContain("<script", h.SnippetHtml + h.TitleHtml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_search_page_answers_every_hostile_query_with_results_or_a_friendly_message()
    {
        await site.WaitForIndexAsync(site.Content.Count);
        using var client = site.CreatePortalClient();
        var addresses = HostileQueries.Corpus.Select(q => "/search?q=" + Uri.EscapeDataString(q))
            .Concat(
            [
                "/search?q=%ED%A0%80", "/search?q=%FF%FE", "/search?q=neglect&page=abc", "/search?q=neglect&page=-1",
                "/search?q=neglect&page=99999999999", "/search?q=neglect&type=%3Cscript%3E&theme=&year=abc&year=99999&sort=%22",
                "/search?q=a&q=b&q=neglect", "/search?type=" + new string('x', 500),
            ]);

        var failures = new List<string>();
        foreach (var address in addresses)
        {
            var response = await client.GetAsync(address);
            var html = await response.Content.ReadAsStringAsync();
            var friendly = html.Contains("id=\"search-count\"", StringComparison.Ordinal)
                || html.Contains("We could not search for that", StringComparison.Ordinal)
                || html.Contains("Enter a word or phrase to search for", StringComparison.Ordinal);
            if (response.StatusCode != HttpStatusCode.OK || !friendly || html.Contains("<script>alert", StringComparison.Ordinal))
            {
                failures.Add($"{address[..Math.Min(address.Length, 80)]}: {(int)response.StatusCode}, friendly: {friendly}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // A control character is refused before any page runs (400, the GOV.UK error page), as on every page.
        var nul = await client.GetAsync("/search?q=%00");
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Contains("Sorry, there is a problem with your request", await nul.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
