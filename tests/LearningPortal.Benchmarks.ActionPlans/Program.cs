using System.Diagnostics;
using System.Globalization;
using System.Net;
using LearningPortal.Benchmarks.Shared;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningPortal.Benchmarks.ActionPlans;

/// <summary>
/// The action plan pages over 200 plans, 5,000 actions, 50,000 updates and 40 agencies: /manage/actions with each
/// filter and deep paging, and the board report (its summary, a plan's page, the streamed CSV), signed in as an Editor, one request at a time
/// against the real site on Kestrel; on SQLite and on PostgreSQL (a cluster of its own, or LP_BENCH_PG). Exits 1 when a p95 is over its goal.
/// </summary>
internal static class ActionPlansBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var runs = Option("--runs", 30);
        var plans = Option("--plans", 200);
        var only = args.SkipWhile(a => a != "--pages").Skip(1).FirstOrDefault(); // "list" or "report": only those pages
        var providers = args.Contains("--sqlite-only") ? ["SQLite"] : args.Contains("--postgres-only") ? ["PostgreSQL"] : new[] { "SQLite", "PostgreSQL" };
        // PostgreSQL: a cluster of the benchmark's own (default durability), or the server LP_BENCH_PG names.
        await using var cluster = providers.Contains("PostgreSQL") ? await BenchmarkPostgres.StartAsync() : null;
        var goals = new Dictionary<string, double> { ["SQLite"] = 400, ["PostgreSQL"] = 200 };
        var failed = false;

        Console.WriteLine($"Action plan pages benchmark: {plans} plans x 25 actions x 10 updates, 40 agencies; {runs} timed requests per page after 3 to warm up; {Environment.ProcessorCount} cores");
        foreach (var provider in providers)
        {
            Console.WriteLine();
            Console.WriteLine($"== {provider}: starting the site (Production, starter content)...");
            var starting = Stopwatch.StartNew();
            await using var site = new BenchmarkSite("actions", provider == "PostgreSQL" ? cluster!.Server : null, new Dictionary<string, string?>
            {
                // The reminders and weekly summaries run once at start (on the starter plans), not during the measurement.
                ["ActionPlans:JobInterval"] = "1.00:00:00",
            });
            var startup = starting.Elapsed;
            var editor = await BenchmarkEditor.CreateAsync(site.Services);
            var seeding = Stopwatch.StartNew();
            var seeded = await Seeder.SeedAsync(site.Services, editor.Id, plans, 25, 10, 40);
            Console.WriteLine($"started in {startup.TotalSeconds:0.0} s; seeded {seeded.Plans:N0} plans, {seeded.Actions:N0} actions, {seeded.Updates:N0} updates, {seeded.History:N0} history lines, {seeded.Requests} assurance requests x 40 agencies in {seeding.Elapsed.TotalSeconds:0.0} s");
            using (var scope = site.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                Console.WriteLine($"in the database: {await db.ActionPlans.CountAsync():N0} plans, {await db.PlanActions.CountAsync():N0} actions, {await db.ActionUpdates.CountAsync():N0} updates (with the starter plans)");
            }

            var cookie = await BenchmarkEditor.SessionCookieAsync(site.Services, editor);
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = site.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            string Date(string name, DateOnly d) => $"{name}.Day={d.Day}&{name}.Month={d.Month}&{name}.Year={d.Year}";
            var pages = new (string Label, string Path)[]
            {
                ("list, no filter", "/manage/actions"),
                ("list, page 100 of 200", "/manage/actions?page=100"),
                ("list, last page", "/manage/actions?page=200"),
                ("list, by briefing", $"/manage/actions?briefing={seeded.BriefingId}"),
                ("list, by objective", $"/manage/actions?objective={seeded.ObjectiveId}"),
                ("list, by owner (agency)", $"/manage/actions?owner=agency:{seeded.AgencyId}"),
                ("list, by owner (group), page 5", $"/manage/actions?owner=group:{seeded.GroupId}&page=5"),
                ("list, by plan", $"/manage/actions?plan={seeded.PlanId}"),
                ("list, overdue, page 10", "/manage/actions?status=Overdue&page=10"),
                ("list, at risk, due next 3 months", $"/manage/actions?status=AtRisk&{Date("DueFrom", today)}&{Date("DueTo", today.AddMonths(3))}"),
                ("list, all filters", $"/manage/actions?objective={seeded.ObjectiveId}&owner=agency:{seeded.AgencyId}&status=OnTrack&{Date("DueFrom", today.AddMonths(-12))}&{Date("DueTo", today.AddMonths(12))}"),
                ("report summary, all plans, last 3 months", "/manage/actions/report"),
                ("report summary, all plans, last 12 months", $"/manage/actions/report?{Date("Period.Since", today.AddMonths(-12))}&{Date("Period.Until", today)}"),
                ("report, a plan's page, last 3 months", $"/manage/actions/report/plans/{seeded.PlanId}"),
                ("report, a plan's page, last 12 months", $"/manage/actions/report/plans/{seeded.PlanId}?{Date("Period.Since", today.AddMonths(-12))}&{Date("Period.Until", today)}"),
                ("report CSV, all actions, last 3 months", "/manage/actions/report.csv"),
                ("report CSV, all actions, last 12 months", $"/manage/actions/report.csv?{Date("Period.Since", today.AddMonths(-12))}&{Date("Period.Until", today)}"),
                ("report CSV, one plan", $"/manage/actions/report.csv?Period.Plan={seeded.PlanId}"),
            };

            Console.WriteLine($"{"page",-44} {"bytes",9} {"p50",9} {"p95",9} {"max",9}  load average");
            foreach (var (label, path) in pages.Where(p => only is null || p.Label.StartsWith(only, StringComparison.Ordinal)))
            {
                var times = new List<double>();
                long bytes = 0;
                for (var i = 0; i < runs + 3; i++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, path);
                    request.Headers.Add("Cookie", cookie);
                    var watch = Stopwatch.StartNew();
                    using var response = await http.SendAsync(request);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    var elapsed = watch.Elapsed.TotalMilliseconds;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
                    }

                    bytes = body.Length;
                    if (i >= 3)
                    {
                        times.Add(elapsed);
                    }
                }

                var sorted = times.Order().ToArray();
                double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
                var ok = P(0.95) <= goals[provider];
                failed |= !ok;
                Console.WriteLine($"{label,-44} {bytes,9:N0} {P(0.50),6:0.0} ms {P(0.95),6:0.0} ms {sorted[^1],6:0.0} ms  {LoadAverage()}  {(ok ? "OK" : $"OVER (goal p95 <= {goals[provider]:0} ms)")}");
            }
        }

        Console.WriteLine();
        Console.WriteLine(failed ? "Some figures are over their goal." : "All figures within their goals.");
        return failed ? 1 : 0;

        // The 1, 5 and 15 minute load averages: the machine is shared, so each figure says how busy it was.
        static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

        int Option(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }
    }
}
