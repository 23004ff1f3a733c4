using System.Diagnostics;
using LearningPortal.Core.Search;
using LearningPortal.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LearningPortal.Tests.Search;

/// <summary>
/// The real site with a search source over <see cref="SearchContentStore"/> standing in for the content and
/// training modules. What is in <see cref="Content"/> before the site starts is indexed at start.
/// </summary>
public class SearchSite : PortalFactory
{
    public SearchContentStore Content { get; } = new();

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Search:PollInterval"] = "00:00:00.250",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Content);
            // Only the test's documents: the site's content source is replaced.
            services.RemoveAll<ISearchSource>();
            services.AddScoped<ISearchSource, TestSearchSource>();
        });
    }

    public ISearchIndex Index => Services.GetRequiredService<ISearchIndex>();

    /// <summary>Saves items as the content module will: its change and the journal entry in one SaveChanges.</summary>
    public Task PublishAsync(params SearchDocument[] documents)
    {
        Content.Put(documents);
        return RecordAsync(documents.Select(d => (d.Kind, d.Id, SearchOperation.Upsert)));
    }

    public Task UnpublishAsync(string kind, string id)
    {
        Content.Remove(kind, id, draft: false);
        return RecordAsync([(kind, id, SearchOperation.Delete)]);
    }

    /// <summary>Waits until the index is ready and holds the expected number of documents.</summary>
    public Task WaitForIndexAsync(int documents, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => Index.Status is { State: SearchIndexState.Ready } s && s.DocumentCount == documents, timeout ?? TimeSpan.FromSeconds(30),
            () => $"index {Index.Status}, expected {documents} documents");

    /// <summary>How long a test waits for the index to follow a change before calling it broken (not a speed goal).</summary>
    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(10);

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, $"Timed out after {timeout.TotalSeconds} s: {describe()}");
            await Task.Delay(25);
        }
    }

    private Task<int> RecordAsync(IEnumerable<(string Kind, string Id, SearchOperation Operation)> changes) =>
        WithScopeAsync(async sp =>
        {
            var journal = sp.GetRequiredService<SearchJournal>();
            foreach (var (kind, id, operation) in changes)
            {
                journal.Record(kind, id, operation);
            }

            return await sp.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        });
}

/// <summary>A search site that starts with <see cref="Docs.Library"/> published.</summary>
public sealed class LibrarySite : SearchSite
{
    public LibrarySite()
    {
        Content.Put(Docs.Library());
        Content.Put(Docs.Briefing("gcp2", "Graded Care Profile 2 (GCP2)", "Draft revision: new guidance on neglect thresholds.") with { Kind = "toolkit", IsDraft = true });
    }
}
