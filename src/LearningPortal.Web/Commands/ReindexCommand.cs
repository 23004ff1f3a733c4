using LearningPortal.Search;
using LearningPortal.Search.Lucene;
using Lucene.Net.Store;

namespace LearningPortal.Web.Commands;

/// <summary>
/// Rebuilds this instance's search index from the sources: <c>reindex</c>. The site holds its index open
/// while it runs, so for a running instance use "Rebuild index" on /manage/search instead.
/// </summary>
public static class ReindexCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        var index = services.GetRequiredService<LuceneSearchIndex>();
        var indexer = services.GetRequiredService<SearchIndexer>();
        try
        {
            index.Open();
        }
        catch (LockObtainFailedException)
        {
            await output.WriteLineAsync($"The search index at {index.Path} is in use by a running site. Rebuild it from /manage/search instead.");
            return 1;
        }

        var started = DateTime.UtcNow;
        await indexer.RebuildAsync(CancellationToken.None);
        var status = index.Status;
        await output.WriteLineAsync($"Rebuilt the search index at {index.Path}: {status.DocumentCount} documents in {(DateTime.UtcNow - started).TotalSeconds:0.0} s.");
        return 0;
    }
}
