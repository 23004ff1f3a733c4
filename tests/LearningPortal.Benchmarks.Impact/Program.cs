using System.Diagnostics;
using System.Globalization;
using System.Net;
using LearningPortal.Benchmarks.Shared;
using LearningPortal.Core.Data;
using LearningPortal.Core.Impact;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningPortal.Benchmarks.Impact;

/// <summary>
/// The impact pages at a large partnership's scale, on the real site (Production, Kestrel) over SQLite and then
/// PostgreSQL (a cluster of its own, or LP_BENCH_PG's server): seeds the issue's volumes in bulk, then as a signed-in Editor requests /manage/impact and
/// the most read briefing's impact page (all agencies and one agency) one after another and prints p50/p95/max (goals:
/// p95 at most 600 ms on SQLite, 300 ms on PostgreSQL); then what recording a read adds to a page: the read beacon's
/// time in the site and the background writer's time per read (goal: under 1 ms together, on average). Exits 1 when a goal
/// is missed. Options: --requests N per page (40), --scale X of the volumes (1.0), --sqlite-only, --postgres-only.
/// </summary>
internal static class Program
{
    private const double ReadGoalMs = 1.0;

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var requests = (int)Option(args, "--requests", 40);
        var volumes = Volumes.At(Option(args, "--scale", 1.0));
        var goals = new Dictionary<string, double> { ["SQLite"] = 600, ["PostgreSQL"] = 300 };
        var missed = false;

        Console.WriteLine($"Impact benchmark: {volumes.Users:N0} people, {volumes.Briefings:N0} briefings, {volumes.Reads:N0} reads, {volumes.Bookings:N0} bookings, " +
            $"{volumes.Records:N0} supervision records, {volumes.Responses:N0} feedback responses; {requests} requests per page; {Environment.ProcessorCount} cores");
        var providers = args.Contains("--sqlite-only") ? ["SQLite"] : args.Contains("--postgres-only") ? ["PostgreSQL"] : new[] { "SQLite", "PostgreSQL" };
        // Its own PostgreSQL cluster (not the shared test server), unless LP_BENCH_PG names one.
        await using var cluster = providers.Contains("PostgreSQL") ? await BenchmarkPostgres.StartAsync() : null;
        var postgres = cluster?.Server;
        foreach (var provider in providers)
        {
            Console.WriteLine();
            Console.WriteLine($"== {provider}");
            var beacons = new BeaconTimer();
            // No starter content: the seeder brings its own briefings.
            await using var site = new BenchmarkSite("impact", provider == "PostgreSQL" ? postgres : null,
                new Dictionary<string, string?>(BenchmarkSite.NoRateLimits())
                {
                    ["Content:ImportStarterContent"] = "false",
                    ["Retention:JobEnabled"] = "false",
                },
                services => services.AddSingleton<IStartupFilter>(beacons));
            var seeding = Stopwatch.StartNew();
            var slug = await ImpactSeeder.SeedAsync(site.Services, volumes);
            Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:0.0} s (load average {LoadAverage()})");

            var editor = await BenchmarkEditor.CreateAsync(site.Services);
            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = site.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
            var agency = await FirstAgencyAsync(site.Services);
            foreach (var page in new[] { "/manage/impact", $"/manage/impact?agency={agency}", $"/manage/impact/briefings/{slug}", $"/manage/impact/briefings/{slug}?agency={agency}" })
            {
                // A fresh sign-in per page, as a browser holds one: a cookie older than the session re-check interval is
                // re-checked on every request by a client that, like this one, never stores the re-issued cookie.
                http.DefaultRequestHeaders.Remove("Cookie");
                http.DefaultRequestHeaders.Add("Cookie", await BenchmarkEditor.SessionCookieAsync(site.Services, editor));
                var times = await TimeAsync(http, page, requests);
                double P(double q) => times[Math.Min(times.Length - 1, (int)Math.Ceiling(q * times.Length) - 1)];
                var ok = P(0.95) <= goals[provider];
                missed |= !ok;
                Console.WriteLine($"{page,-58} p50 {P(0.5),7:0.0} ms  p95 {P(0.95),7:0.0} ms  max {times[^1],7:0.0} ms  {(ok ? "OK" : "OVER")} (goal p95 <= {goals[provider]:0} ms; load {LoadAverage()})");
            }

            // The yearly report for the current reporting year, for information (no goal): at this scale it has a section
            // for every briefing read in the year, hundreds of them. One request to warm up, then two timed.
            var now = DateTime.UtcNow;
            var report = $"/manage/impact/report?year={(now.Month >= 4 ? now.Year : now.Year - 1)}";
            await GetAsync(http, report);
            var reportWatch = Stopwatch.StartNew();
            await GetAsync(http, report);
            await GetAsync(http, report);
            Console.WriteLine($"{report,-58} mean {reportWatch.Elapsed.TotalMilliseconds / 2,7:0} ms over 2 requests (no goal; load {LoadAverage()})");

            var (beacon, writer) = await ReadCostAsync(site, beacons, http, slug);
            var cost = beacon + writer;
            var met = cost < ReadGoalMs;
            missed |= !met;
            Console.WriteLine($"Recording a read: beacon {beacon:0.000} ms in the site + background write {writer:0.000} ms a read = {cost:0.000} ms  {(met ? "OK" : "OVER")} (goal < {ReadGoalMs:0} ms; load {LoadAverage()})");
        }

        Console.WriteLine();
        Console.WriteLine(missed ? "Some figures are over their goal." : "All figures within their goals.");
        return missed ? 1 : 0;
    }

    /// <summary>Requests the page one after another (after three warm-up requests) and returns the times, sorted (ms).</summary>
    private static async Task<double[]> TimeAsync(HttpClient http, string page, int count)
    {
        for (var i = 0; i < 3; i++)
        {
            await GetAsync(http, page);
        }

        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await GetAsync(http, page);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times;
    }

    private static async Task GetAsync(HttpClient http, string page)
    {
        using var response = await http.GetAsync(page);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains("Benchmark briefing", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"GET {page} answered {(int)response.StatusCode} {response.Headers.Location} without the briefings");
        }
    }

    /// <summary>
    /// What a read costs: the beacon a briefing page sends (POST /reads/{id}, signed in, same origin) timed over 2,000
    /// requests, and the background writer's time per read for 5,000 reads by different people, timed from handing them
    /// over until all are in the database.
    /// </summary>
    private static async Task<(double BeaconMs, double WriterMs)> ReadCostAsync(BenchmarkSite site, BeaconTimer timer, HttpClient http, string slug)
    {
        int documentId;
        List<string> people;
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            documentId = await db.Documents.Where(d => d.Slug == slug).Select(d => d.Id).SingleAsync();
            people = await db.Users.OrderBy(u => u.Id).Select(u => u.Id).Take(5_000).ToListAsync();
        }

        async Task BeaconAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/reads/{documentId}");
            request.Headers.Add("Sec-Fetch-Site", "same-origin");
            using var response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.NoContent)
            {
                throw new InvalidOperationException($"The read beacon answered {(int)response.StatusCode}");
            }
        }

        for (var i = 0; i < 200; i++)
        {
            await BeaconAsync();
        }

        const int beacons = 2_000;
        timer.Reset();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < beacons; i++)
        {
            await BeaconAsync();
        }

        var roundTripMs = watch.Elapsed.TotalMilliseconds / beacons;
        var beaconMs = timer.MeanMs;
        Console.WriteLine($"Read beacon: {beaconMs:0.000} ms mean in the site, {roundTripMs:0.000} ms round trip from the client over loopback");

        var recorder = site.Services.GetRequiredService<ReadRecorder>();
        var writer = site.Services.GetRequiredService<ReadWriter>();
        await writer.WriteWaitingAsync(CancellationToken.None);
        int Count()
        {
            using var scope = site.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<PortalDbContext>().BriefingReads.Count(r => r.DocumentId == documentId);
        }

        var before = Count();
        var today = LearningPortal.Core.Time.UkTime.Today(DateTime.UtcNow);
        int already;
        using (var scope = site.Services.CreateScope())
        {
            already = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().BriefingReads
                .CountAsync(r => r.DocumentId == documentId && r.Day == today && people.Contains(r.UserId!));
        }

        watch.Restart();
        foreach (var person in people)
        {
            recorder.Record(documentId, person);
        }

        await writer.WriteWaitingAsync(CancellationToken.None);
        var expected = before + people.Count - already;
        while (Count() < expected && watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(5);
        }

        var writerMs = watch.Elapsed.TotalMilliseconds / people.Count;
        return (beaconMs, writerMs);
    }

    private static async Task<int> FirstAgencyAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Agencies.OrderBy(a => a.SortOrder).Select(a => a.Id).FirstAsync();
    }

    /// <summary>The machine's 1, 5 and 15 minute load averages: the machine is shared, so every figure carries them.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double Option(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
