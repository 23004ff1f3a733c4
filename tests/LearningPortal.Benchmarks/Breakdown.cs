using System.Diagnostics;
using LearningPortal.Search;
using LearningPortal.Search.Lucene;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace LearningPortal.Benchmarks;

/// <summary>Where a query's time goes (--breakdown): matching, facet counting, stored fields and snippets, did-you-mean.</summary>
internal static class Breakdown
{
    public static void Print(string folder)
    {
        using var directory = new PositionalReadDirectory(folder);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var analyzer = PortalAnalyzers.Create();
        var queries = new QueryFactory(analyzer);
        var snippets = new Snippets(analyzer);
        Console.WriteLine($"    {"count ms",9} {"facets ms",9} {"page ms",8} {"spell ms",9}  query (CPU time, median of 5)");
        foreach (var q in Queries.All.Where(q => !string.IsNullOrEmpty(q.Text)))
        {
            var text = UserText.Parse(q.Text);
            var words = queries.Create(text, Occur.MUST);
            var scoped = QueryFactory.WithScope(words, includeDrafts: false, DateTime.UtcNow);
            var count = Median(() => searcher.Search(scoped, new TotalHitCountCollector()));
            var facets = Median(() => searcher.Search(scoped, new FacetingCollector(TopScoreDocCollector.Create(10, true), q)));
            var top = searcher.Search(scoped, 10);
            var page = Median(() =>
            {
                var h = snippets.For(words);
                foreach (var sd in top.ScoreDocs)
                {
                    h.For(IndexFields.FromLucene(searcher.Doc(sd.Doc)));
                }
            });
            var spell = Median(() => SpellingSuggester.Suggest(reader, text.Text, _ => false));
            Console.WriteLine($"    {count,9:0.0} {facets,9:0.0} {page,8:0.0} {spell,9:0.0}  {q.Text}");
        }
    }

    /// <summary>Queries per second from one thread and from several at once over the same index.</summary>
    public static void Concurrency(string folder)
    {
        using var index = new LuceneSearchIndex(folder, Microsoft.Extensions.Logging.Abstractions.NullLogger<LuceneSearchIndex>.Instance, TimeProvider.System) { CacheResults = false };
        index.Open();
        var query = new SearchQuery { Text = "neglect" };
        foreach (var threads in new[] { 1, 2, 8 })
        {
            var done = 0;
            var clock = Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
            {
                while (clock.Elapsed < TimeSpan.FromSeconds(3))
                {
                    index.Search(query);
                    Interlocked.Increment(ref done);
                }
            });
            Console.WriteLine($"    {threads} thread(s): {done / clock.Elapsed.TotalSeconds:0} queries/s for \"neglect\"");
        }
    }

    /// <summary>
    /// The benchmark's queries from 2 threads for a while, every one searched (--profile): a steady load for a sampling
    /// profiler. Prints the process id first and, at the end, queries a second and the process's CPU time per query.
    /// </summary>
    public static void Profile(string folder, int seconds)
    {
        using var index = new LuceneSearchIndex(folder, Microsoft.Extensions.Logging.Abstractions.NullLogger<LuceneSearchIndex>.Instance, TimeProvider.System) { CacheResults = false };
        index.Open();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"    profiling: process {Environment.ProcessId}, 2 threads for {seconds} s");
        var cpu = process.TotalProcessorTime;
        var done = 0;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, thread =>
        {
            for (var i = thread; clock.Elapsed < TimeSpan.FromSeconds(seconds); i++)
            {
                index.Search(Queries.All[i % Queries.All.Length]);
                Interlocked.Increment(ref done);
            }
        });
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine($"    {done / clock.Elapsed.TotalSeconds:0} queries/s from 2 threads, {cpuMs / done:0.0} ms of process CPU per query (load average {SearchBenchmark.LoadAverage()})");
    }

    private static double Median(Action action)
    {
        action();
        var samples = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var cpu = ThreadCpu.Now();
            action();
            samples.Add((ThreadCpu.Now() - cpu).TotalMilliseconds);
        }

        samples.Sort();
        return samples[2];
    }
}
