using LearningPortal.Search;
using LearningPortal.Search.Lucene;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearningPortal.Tests.Search;

public class CorruptIndexTests
{
    [Fact]
    public async Task Garbage_in_the_index_folder_is_detected_at_start_and_the_index_rebuilt()
    {
        await using var site = new GarbageIndexSite();
        await site.InitializeAsync();

        await site.WaitForIndexAsync(site.Content.Count);

        Assert.Equal(1, site.Index.Search(new SearchQuery { Text = "screening tool" }).Hits.Count(h => h.Id == "screening-tool"));
        Assert.NotNull(site.Index.Status.BuiltUtc);
    }

    [Fact]
    public Task A_damaged_segment_fails_the_check_at_start_and_the_index_is_rebuilt() =>
        RebuiltAtRestartAsync("damaged", Damage, first => { }, async (second, content) =>
        {
            await second.WaitForIndexAsync(content.Count);
            Assert.Equal(content.PublishedCount, second.Index.Search(new SearchQuery { Kinds = ["briefing", "strategy", "toolkit", "page", "course"] }).Total);
        });

    [Fact]
    public Task An_index_laid_out_by_an_older_version_of_the_site_is_rebuilt_at_start() =>
        RebuiltAtRestartAsync("older", ForgetLayout, first => Assert.True(first.Index.HasCurrentLayout), (second, _) =>
        {
            Assert.True(second.Index.HasCurrentLayout);
            return Task.CompletedTask;
        });

    /// <summary>
    /// Builds the index of the library in a new folder (<paramref name="checkFirst"/> looks at that instance), lets
    /// <paramref name="spoil"/> change the folder, starts a second instance on it and waits until it has built the index again.
    /// </summary>
    private static async Task RebuiltAtRestartAsync(string name, Action<string> spoil, Action<SearchInstance> checkFirst, Func<SearchInstance, SearchContentStore, Task> checkSecond)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lp-tests", name + "-" + Guid.NewGuid().ToString("N"));
        var content = new SearchContentStore();
        content.Put(Docs.Library());
        await using var database = await TestDatabase.CreateAsync();
        await SearchInstance.MigrateAsync(database);
        try
        {
            DateTime? firstBuild;
            await using (var first = await SearchInstance.CreateAsync(database, content, folder))
            {
                await first.WaitForIndexAsync(content.Count);
                firstBuild = first.Index.Status.BuiltUtc;
                checkFirst(first);
            }

            spoil(folder);
            await using var second = await SearchInstance.CreateAsync(database, content, folder);

            await SearchSite.WaitUntilAsync(() => second.Index.Status.BuiltUtc > firstBuild, TimeSpan.FromSeconds(20), () => "the index was not rebuilt");
            await checkSecond(second, content);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Opening_a_folder_of_garbage_starts_a_new_index()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lp-tests", "garbage-" + Guid.NewGuid().ToString("N"));
        GarbageIndexSite.WriteGarbage(folder);
        try
        {
            using var index = new LuceneSearchIndex(folder, NullLogger<LuceneSearchIndex>.Instance, TimeProvider.System);

            Assert.Equal(SearchIndexOpening.Recreated, index.Open());
            Assert.Equal(SearchIndexState.Ready, index.Status.State);
            Assert.True(index.Verify());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Rewrites the last commit's data as a version of the site from before the layout was recorded left it.</summary>
    private static void ForgetLayout(string folder)
    {
        using var directory = global::Lucene.Net.Store.FSDirectory.Open(folder);
        using var analyzer = PortalAnalyzers.Create();
        using var writer = new global::Lucene.Net.Index.IndexWriter(directory, new global::Lucene.Net.Index.IndexWriterConfig(PortalAnalyzers.Version, analyzer)
        {
            OpenMode = global::Lucene.Net.Index.OpenMode.APPEND,
        });
        writer.SetCommitData(writer.CommitData.Where(d => d.Key != "layout").ToDictionary(d => d.Key, d => d.Value));
        writer.Commit();
    }

    /// <summary>Flips bytes in the middle of the biggest file: headers and footers are intact, the checksum is not.</summary>
    private static void Damage(string folder)
    {
        var biggest = new DirectoryInfo(folder).GetFiles().Where(f => f.Name != "write.lock").OrderByDescending(f => f.Length).First();
        using var stream = biggest.Open(FileMode.Open, FileAccess.ReadWrite);
        stream.Position = stream.Length / 2;
        var bytes = new byte[64];
        stream.ReadExactly(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] ^= 0x5A;
        }

        stream.Position = stream.Length / 2;
        stream.Write(bytes);
    }

    private sealed class GarbageIndexSite : SearchSite
    {
        public GarbageIndexSite()
        {
            Content.Put(Docs.Library());
            WriteGarbage(SearchIndexPath);
        }

        /// <summary>Files named like an index's, full of random bytes.</summary>
        public static void WriteGarbage(string folder)
        {
            Directory.CreateDirectory(folder);
            var random = new Random(42);
            foreach (var name in new[] { "segments_3", "segments.gen", "_0.cfs", "_0.cfe", "_0.si", "_1.fdt" })
            {
                var bytes = new byte[random.Next(16, 4096)];
                random.NextBytes(bytes);
                File.WriteAllBytes(Path.Combine(folder, name), bytes);
            }
        }
    }
}
