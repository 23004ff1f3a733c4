using LearningPortal.Core.Search;
using System.Diagnostics;
using System.Globalization;
using LearningPortal.Search;
using LearningPortal.Search.Lucene;
using Microsoft.Extensions.Logging.Abstractions;

// Search benchmark: builds indexes of generated briefing-sized documents and times realistic queries.
//   dotnet run -c Release --project tests/LearningPortal.Benchmarks                 10,000 and 100,000 documents, then the site
//   ... -- --no-site                                                                  the engine only
//   ... -- --sizes 10000 --keep-index /tmp/lp-bench-index                            keep the index to serve with the site
//   ... -- --wrk http://127.0.0.1:5099                                              the search page of a running site under wrk load
//   ... -- --site                                                                     the site itself: /search against /training, then
//                                                                                     broad queries over 10,000 documents, with wrk
//   ... -- --sizes 10000 --no-site --profile 30                                      the queries from 2 threads for 30 s, for a profiler
// Run with --help for every option. Exits 1 when a goal is missed.
namespace LearningPortal.Benchmarks;

internal static class SearchBenchmark
{
    /// <summary>Engine goal: p95 CPU time of ISearchIndex.Search at 10,000 documents (issue 19).</summary>
    private const double EngineCpuGoalMs = 10;

    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help"))
        {
            Console.WriteLine(Options.Help);
            return 0;
        }

        var options = Options.Parse(args);
        if (options.WrkUrl is { } url)
        {
            return WrkRun.Run(url, options.WrkDuration);
        }

        var missed = false;
        if (options.SiteOnly)
        {
            return await SiteRun.RunAsync(options.WrkDuration) ? 0 : 1;
        }

        Console.WriteLine($"Search benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {options.Rounds} rounds of {Queries.All.Length} queries per corpus");
        Console.WriteLine();
        Console.WriteLine($"{"",37} {"wall time per query",-23} {"CPU time per query",-15} {"goal p95 wall/CPU",-18}");
        Console.WriteLine($"{"documents",10} {"build s",8} {"docs/s",8} {"index MB",9} {"p50 ms",7} {"p95 ms",7} {"max ms",7} {"p50 ms",7} {"p95 ms",7} {"ms",8} {"wall",6} {"CPU",6}");
        var keep = options.KeepIndex;
        foreach (var size in options.Sizes)
        {
            var folder = keep ?? Path.Combine(Path.GetTempPath(), "lp-bench-" + Guid.NewGuid().ToString("N"));
            keep = null;
            var result = await Benchmark.RunAsync(size, folder, options.Rounds);
            // Wall time is shown against the older goal (20 ms, 50 ms at 100,000) but depends on the machine's load; the
            // goal checked is CPU time, which does not: at most 10 ms at 10,000 documents.
            var goal = size <= 10_000 ? 20 : 50;
            var cpuGoal = size <= 10_000 ? EngineCpuGoalMs : goal;
            static string Verdict(double p95, double goal) => p95 <= goal ? "met" : "missed";
            missed |= size <= 10_000 && result.CpuP95 > EngineCpuGoalMs;
            Console.WriteLine($"{size,10:N0} {result.Build.TotalSeconds,8:0.0} {size / result.Build.TotalSeconds,8:N0} {result.IndexMegabytes,9:N0} {result.P50,7:0.0} {result.P95,7:0.0} {result.Max,7:0.0} {result.CpuP50,7:0.0} {result.CpuP95,7:0.0} {goal,4}/{cpuGoal,-3} {Verdict(result.P95, goal),6} {Verdict(result.CpuP95, cpuGoal),6}");
            if (options.Breakdown)
            {
                Breakdown.Print(folder);
                Breakdown.Concurrency(folder);
            }

            if (options.ProfileSeconds > 0)
            {
                Breakdown.Profile(folder, options.ProfileSeconds);
            }

            if (options.Verbose)
            {
                foreach (var (query, p50, cpu, hits) in result.PerQuery)
                {
                    Console.WriteLine($"    {p50,6:0.0} ms wall {cpu,6:0.0} ms CPU {hits,8:N0} hits  {query}");
                }
            }

            if (folder != options.KeepIndex)
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        Console.WriteLine();
        Console.WriteLine("Times are for ISearchIndex.Search: query, facet counts, highlighting and did-you-mean; build time includes generating the text.");
        Console.WriteLine("Wall time includes waiting for a core when the machine is busy (load average now " + LoadAverage() + "); CPU time is the query's own.");
        Console.WriteLine($"Engine goal (CPU p95 at most {EngineCpuGoalMs} ms at 10,000 documents): {(missed ? "NOT MET" : "met")}");
        if (!options.NoSite)
        {
            Console.WriteLine();
            missed |= !await SiteRun.RunAsync(options.WrkDuration);
        }

        return missed ? 1 : 0;
    }

    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

internal sealed record Options(int[] Sizes, int Rounds, string? KeepIndex, string? WrkUrl, string WrkDuration, bool Verbose, bool Breakdown = false, bool SiteOnly = false, bool NoSite = false, int ProfileSeconds = 0)
{
    public const string Help = """
        Search benchmark (issue 19). Options:
          --sizes <n,n>        index sizes (default 10000,100000)
          --rounds <n>         rounds of the queries per size (default 5)
          --verbose            the median per query
          --breakdown          CPU time per stage and queries a second from 1, 2 and 8 threads
          --profile <s>        after timing, run the queries from 2 threads for <s> seconds (result cache off) for a
                               profiler to attach: DOTNET_PerfMapEnabled=1 in the environment, then
                               perf record -F 999 -g -p <pid printed>; perf report --no-children
          --keep-index <dir>   keep the first index in <dir>
          --no-site            the engine only
          --site               the site only: /search against /training, then broad queries over 10,000 documents (wrk)
          --duration <s>       seconds per wrk row (default 10)
          --wrk <url>          the search page of a site already running, under wrk
        Exits 1 when a goal is missed.
        """;

    public static Options Parse(string[] args)
    {
        var o = new Options([10_000, 100_000], 5, null, null, "10", false);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--sizes" => o with { Sizes = Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() },
                "--rounds" => o with { Rounds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--keep-index" => o with { KeepIndex = Path.GetFullPath(Next()) },
                "--wrk" => o with { WrkUrl = Next().TrimEnd('/') },
                "--duration" => o with { WrkDuration = Next() },
                "--verbose" => o with { Verbose = true },
                "--breakdown" => o with { Breakdown = true },
                "--site" => o with { SiteOnly = true },
                "--no-site" => o with { NoSite = true },
                "--profile" => o with { ProfileSeconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}"),
            };
        }

        return o;
    }
}

internal sealed record BenchmarkResult(
    TimeSpan Build, double IndexMegabytes, double P50, double P95, double Max, double CpuP50, double CpuP95, List<(string Query, double P50, double CpuP50, int Hits)> PerQuery);

internal static class Benchmark
{
    public static async Task<BenchmarkResult> RunAsync(int size, string folder, int rounds)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        // The search itself is timed: repeated queries are not answered from the result cache.
        using var index = new LuceneSearchIndex(folder, NullLogger<LuceneSearchIndex>.Instance, TimeProvider.System) { CacheResults = false };
        index.Open();
        var clock = Stopwatch.StartNew();
        await index.RebuildAsync(Documents(new BriefingGenerator(seed: 20261126).Generate(size)), 0, CancellationToken.None);
        var build = clock.Elapsed;
        var megabytes = new DirectoryInfo(folder).GetFiles().Sum(f => f.Length) / 1024.0 / 1024.0;

        // Warm-up passes until the JIT has optimised the hot paths (tiered compilation) and the files are cached.
        for (var pass = 0; pass < 5; pass++)
        {
            foreach (var q in Queries.All)
            {
                index.Search(q);
            }
        }

        var samples = new List<double>();
        var cpuSamples = new List<double>();
        var perQuery = Queries.All.ToDictionary(q => q, _ => new List<double>());
        var perQueryCpu = Queries.All.ToDictionary(q => q, _ => new List<double>());
        var hits = new Dictionary<SearchQuery, int>();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var q in Queries.All)
            {
                var cpu = ThreadCpu.Now();
                var t = Stopwatch.GetTimestamp();
                var result = index.Search(q);
                var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                var cpuMs = (ThreadCpu.Now() - cpu).TotalMilliseconds;
                samples.Add(ms);
                cpuSamples.Add(cpuMs);
                perQuery[q].Add(ms);
                perQueryCpu[q].Add(cpuMs);
                hits[q] = result.Total;
            }
        }

        samples.Sort();
        cpuSamples.Sort();
        return new BenchmarkResult(build, megabytes, Percentile(samples, 0.50), Percentile(samples, 0.95), samples[^1],
            Percentile(cpuSamples, 0.50), Percentile(cpuSamples, 0.95),
            perQuery.Select(p => (Describe(p.Key), Percentile([.. p.Value.Order()], 0.5), Percentile([.. perQueryCpu[p.Key].Order()], 0.5), hits[p.Key])).ToList());
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Describe(SearchQuery q) =>
        $"\"{q.Text}\"" + (q.Kinds.Count > 0 ? $" type={string.Join(',', q.Kinds)}" : "") + (q.Themes.Count > 0 ? $" theme={string.Join(',', q.Themes)}" : "")
        + (q.Years.Count > 0 ? $" year={string.Join(',', q.Years)}" : "") + (q.Sort == SearchSort.Newest ? " newest" : "") + (q.Page > 1 ? $" page={q.Page}" : "");

#pragma warning disable CS1998 // An async stream over a generator: nothing to await.
    private static async IAsyncEnumerable<SearchDocument> Documents(IEnumerable<SearchDocument> documents)
#pragma warning restore CS1998
    {
        foreach (var d in documents)
        {
            yield return d;
        }
    }
}

/// <summary>What practitioners type: single words, phrases, misspellings, filters, newest first, later pages.</summary>
internal static class Queries
{
    public static readonly SearchQuery[] All =
    [
        .. new[]
        {
            "neglect", "voice of the child", "\"voice of the child\"", "supervision", "drift and delay", "graded care profile", "gcp2",
            "disguised compliance", "escalation", "early help assessment", "domestic abuse", "child protection plan", "neglected children",
            "school attendance", "health visitor", "home conditions", "dental neglect", "reflective supervision", "thresholds",
            "missed appointments", "negelct", "supervison", "county lines exploitation", "\"lived experience\"", "parental mental health",
            "substance misuse", "temporary accommodation", "team around the family", "continuum of need", "cumulative harm",
        }.Select(t => new SearchQuery { Text = t }),
        new SearchQuery { Text = "neglect", Kinds = ["briefing"] },
        new SearchQuery { Text = "supervision", Themes = ["Neglect"], Years = [2024] },
        new SearchQuery { Text = "escalation", Sort = SearchSort.Newest },
        new SearchQuery { Text = "neglect", Page = 3 },
        new SearchQuery { Text = "", Kinds = ["toolkit"] },
        new SearchQuery { Text = "voice of the child", Kinds = ["briefing", "toolkit"], Themes = ["Neglect", "Early help"] },
    ];
}

/// <summary>The search page under load: runs wrk if it is installed, otherwise prints the command.</summary>
internal static class WrkRun
{
    public static readonly string[] Paths =
    [
        "/search?q=neglect",
        "/search?q=%22voice+of+the+child%22&type=briefing",
        "/search?q=supervison",
        "/search?q=neglect&theme=Neglect&year=2024&page=2",
    ];

    public static string Command(string url, string duration) => $"wrk -t2 -c16 -d{duration} --latency \"{url}\"";

    public static int Run(string baseUrl, string duration)
    {
        var wrk = new[] { "/usr/bin/wrk", "/usr/local/bin/wrk" }.FirstOrDefault(File.Exists);
        foreach (var path in Paths)
        {
            var command = Command(baseUrl + path, duration);
            if (wrk is null)
            {
                Console.WriteLine(command);
                continue;
            }

            Console.WriteLine($"== {path}");

            // A short unrecorded run first: the site's JIT and caches warm up, as they would in service.
            Wrk(wrk, ["-t2", "-c16", "-d3s", baseUrl + path]);
            var output = Wrk(wrk, ["-t2", "-c16", $"-d{duration}", "--latency", baseUrl + path]);
            foreach (var line in output.Split('\n').Where(l => l.Contains("Requests/sec", StringComparison.Ordinal) || l.Contains("Latency", StringComparison.Ordinal)
                || l.TrimStart().StartsWith("50%", StringComparison.Ordinal) || l.TrimStart().StartsWith("99%", StringComparison.Ordinal) || l.Contains("Non-2xx", StringComparison.Ordinal)))
            {
                Console.WriteLine("  " + line.Trim());
            }
        }

        if (wrk is null)
        {
            Console.WriteLine("wrk is not installed (apt-get install -y wrk); run the commands above.");
        }

        return 0;
    }

    private static string Wrk(string wrk, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(wrk, arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
