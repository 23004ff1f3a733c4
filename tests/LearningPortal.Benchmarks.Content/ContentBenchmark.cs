using LearningPortal.Core.Auditing;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Publishing;
using LearningPortal.Benchmarks.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LearningPortal.Benchmarks.Content;

/// <summary>
/// Content performance, against the real site on Kestrel:
///  1. a briefing page served from the output cache versus the same bytes from an in-memory endpoint in the same pipeline,
///     with wrk, in one run (goal: ratio &gt;= 0.7), and the same bytes in front of the pipeline for comparison;
///  2. the learning index over 2,500 published briefings, cache bypassed, p50/p95 (goal: p95 &lt;= 50 ms).
/// Exits 1 when a goal is missed. Options: --duration SECONDS per wrk run (10), --briefings COUNT (2500; 0 skips part 2),
/// --requests COUNT of index requests (200).
/// </summary>
internal static class ContentBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        var duration = Option("--duration", 10);
        var briefingCount = Option("--briefings", 2500);
        var requestCount = Option("--requests", 200);
        const string BriefingPath = "/learning/neglect-multi-agency-audit-2025";
        Console.WriteLine($"Starting the site (Production, SQLite, starter content); load average {LoadAverage()}...");
        var inMemory = new InMemoryPage();
        await using var site = new BenchmarkSite("content", configureServices: s => s.AddSingleton<IStartupFilter>(inMemory));
        using var http = new HttpClient { BaseAddress = site.BaseAddress };

        // 1. Cached page versus the same bytes from memory, through the site's pipeline and in front of it.
        var bytes = await http.GetByteArrayAsync(BriefingPath);
        inMemory.Page = bytes;
        using var cachedResponse = await http.GetAsync(BriefingPath);
        var cachedBytes = await cachedResponse.Content.ReadAsByteArrayAsync();
        Check(cachedResponse.Headers.Age is not null, "the second anonymous request for the briefing was not served from the output cache (no Age header)");
        Check(cachedBytes.AsSpan().SequenceEqual(bytes), "the cached page's bytes differ from the first response's");
        foreach (var path in new[] { InMemoryPage.MemoryPath, InMemoryPage.RawPath })
        {
            var memory = await http.GetByteArrayAsync(path);
            Check(memory.AsSpan().SequenceEqual(bytes), $"{path} did not answer with the page's bytes");
        }

        Console.WriteLine($"Briefing page {bytes.Length:N0} bytes; served from the output cache: yes (Age header present).");
        var wrkArgs = $"-t2 -c32 -d{duration}s";
        Console.WriteLine($"wrk {wrkArgs} for each, after a 2 s warm-up: in-memory endpoint, cached page, raw bytes in front of the pipeline...");
        var memoryRps = await MeasureAsync(InMemoryPage.MemoryPath);
        var cachedRps = await MeasureAsync(BriefingPath);
        var rawRps = await MeasureAsync(InMemoryPage.RawPath);
        var ratio = cachedRps / memoryRps;
        var cacheLoad = LoadAverage();

        const double CacheGoal = 0.7;
        var cacheMet = ratio >= CacheGoal;
        Console.WriteLine();
        Console.WriteLine($"=== Output cache (one run, load average {cacheLoad}) ===");
        Console.WriteLine($"Cached briefing page              : {cachedRps,10:N0} requests/s");
        Console.WriteLine($"Same bytes, in-memory endpoint    : {memoryRps,10:N0} requests/s   (routed, through the site's middleware)");
        Console.WriteLine($"Same bytes, before the middleware : {rawRps,10:N0} requests/s   (Kestrel alone; for comparison)");
        Console.WriteLine($"Ratio cached/in-memory endpoint   : {ratio,10:N2}   (goal >= {CacheGoal:N2}: {(cacheMet ? "met" : "NOT MET")})");
        Console.WriteLine($"Ratio cached/before the middleware: {cachedRps / rawRps,10:N2}");
        if (briefingCount <= 0)
        {
            return cacheMet ? 0 : 1;
        }

        // 2. The learning index over many briefings.
        Console.WriteLine();
        Console.WriteLine($"Publishing {briefingCount:N0} briefings through ContentEditor and ContentPublisher...");
        var seeding = Stopwatch.StartNew();
        await SeedBriefingsAsync(site.Services, briefingCount);
        Console.WriteLine($"  done in {seeding.Elapsed.TotalSeconds:N0} s");

        var pageCount = (briefingCount + 19) / 20;
        var random = new Random(42);
        var themes = new[] { "neglect", "exploitation", "domestic-abuse", "online-safety" };
        var formats = new[] { "audit-learning-briefing", "seven-minute-briefing", "at-a-glance", "audit-report" };
        string NextIndexUrl(int i) => (i % 4) switch
        {
            0 => "/learning",
            1 => $"/learning?page={random.Next(1, pageCount + 1)}",
            2 => $"/learning?theme={themes[random.Next(themes.Length)]}&page={random.Next(1, 6)}",
            _ => $"/learning?format={formats[random.Next(formats.Length)]}&year={random.Next(2015, 2026)}",
        };

        // A sign-in cookie (here not a valid one, so the page renders for an anonymous reader) makes the output cache stand aside.
        using var bypass = new HttpClient { BaseAddress = site.BaseAddress };
        bypass.DefaultRequestHeaders.Add("Cookie", "lp.auth=benchmark-bypasses-the-cache");
        for (var i = 0; i < 20; i++)
        {
            await GetAsync(bypass, NextIndexUrl(i));
        }

        var timings = new List<(string Kind, double Ms)>();
        for (var i = 0; i < requestCount; i++)
        {
            var url = NextIndexUrl(i);
            var watch = Stopwatch.StartNew();
            var response = await GetAsync(bypass, url);
            watch.Stop();
            Check(response.Age is null, $"{url} came from the cache; the benchmark must measure rendering");
            timings.Add((url.Contains("theme=", StringComparison.Ordinal) ? "theme filter" : url.Contains("format=", StringComparison.Ordinal) ? "format + year" : url.Contains("page=", StringComparison.Ordinal) ? "?page=N" : "/learning", watch.Elapsed.TotalMilliseconds));
        }

        var p95 = Percentile(timings.Select(t => t.Ms), 95);
        Console.WriteLine();
        Console.WriteLine($"=== Learning index, {briefingCount:N0} briefings, {requestCount} requests, cache bypassed (ms; load average {LoadAverage()}) ===");
        foreach (var group in timings.GroupBy(t => t.Kind))
        {
            Console.WriteLine($"  {group.Key,-13} n={group.Count(),4}  p50 {Percentile(group.Select(t => t.Ms), 50),7:N1}  p95 {Percentile(group.Select(t => t.Ms), 95),7:N1}  max {group.Max(t => t.Ms),7:N1}");
        }

        Console.WriteLine($"  {"all",-13} n={timings.Count,4}  p50 {Percentile(timings.Select(t => t.Ms), 50),7:N1}  p95 {p95,7:N1}  max {timings.Max(t => t.Ms),7:N1}");
        Console.WriteLine($"  goal p95 <= 50 ms: {(p95 <= 50 ? "met" : "NOT MET")}");
        return cacheMet && p95 <= 50 ? 0 : 1;

        async Task<double> MeasureAsync(string path)
        {
            var url = $"{site.BaseAddress}{path.TrimStart('/')}";
            await Wrk($"-t2 -c32 -d2s {url}");
            return await Wrk($"{wrkArgs} {url}");
        }

        static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

        int Option(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }

        static void Check(bool condition, string problem)
        {
            if (!condition)
            {
                throw new InvalidOperationException("Benchmark setup problem: " + problem);
            }
        }

        static async Task<System.Net.Http.Headers.HttpResponseHeaders> GetAsync(HttpClient client, string url)
        {
            using var response = await client.GetAsync(url);
            Check(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
            await response.Content.ReadAsByteArrayAsync();
            return response.Headers;
        }

        static double Percentile(IEnumerable<double> values, int percentile)
        {
            var sorted = values.Order().ToArray();
            var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }

        static async Task<double> Wrk(string arguments)
        {
            using var process = Process.Start(new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
                ?? throw new InvalidOperationException("Could not start wrk (Debian: apt-get install -y wrk).");
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var errors = Regex.Match(output, @"Non-2xx or 3xx responses: (\d+)");
            Check(!errors.Success, $"wrk {arguments}: {errors.Groups[1].Value} error responses");
            var rps = Regex.Match(output, @"Requests/sec:\s+([\d.]+)");
            Check(rps.Success, $"wrk {arguments} printed no Requests/sec:\n{output}");
            return double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        static async Task SeedBriefingsAsync(IServiceProvider services, int count)
        {
            var actor = new Actor(null, "Benchmark");
            var themes = new[] { "neglect", "exploitation", "domestic-abuse", "sexual-abuse", "online-safety" };
            var formats = Enum.GetValues<BriefingFormat>();
            for (var i = 0; i < count; i++)
            {
                using var scope = services.CreateScope();
                var fields = new LearningBriefingFields
                {
                    Title = $"Benchmark briefing {i + 1}: multi-agency audit of practice",
                    Summary = "What a multi-agency audit found about how partners recognise and respond to children's needs.",
                    Partnership = "Riverside Safeguarding Children Partnership",
                    AuditDate = new DateOnly(2015 + (i % 11), 1 + (i % 12), 1 + (i % 28)),
                    Themes = i % 3 == 0 ? ["neglect", themes[i % themes.Length]] : [themes[i % themes.Length]],
                    Format = formats[i % formats.Length],
                    SampleFamilies = 10,
                    SampleChildren = 25,
                    KeyLinesOfEnquiry = ["Quality of referrals"],
                    GoodPractice = "- Detailed referrals",
                    Recommendations = [new RecommendationField { Text = "Improve referrals" }],
                    Questions = [new QuestionField { Id = Guid.NewGuid(), Text = "How do we notice early signs?" }],
                };
                fields.Themes = fields.Themes.Distinct().ToList();
                var created = await scope.ServiceProvider.GetRequiredService<ContentEditor>()
                    .CreateAsync(new DraftInput($"benchmark-briefing-{i + 1}", fields, "Body text for the benchmark."), actor);
                Check(created.Succeeded, created.ToString());
                var published = await scope.ServiceProvider.GetRequiredService<ContentPublisher>().PublishAsync(created.Value!.DocumentId, created.Value.Number, actor);
                Check(published.Succeeded, published.ToString());
                if ((i + 1) % 500 == 0)
                {
                    Console.WriteLine($"  {i + 1:N0} published");
                }
            }
        }
    }
}
