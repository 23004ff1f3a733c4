using System.Diagnostics;
using System.Globalization;
using LearningPortal.Benchmarks.Feedback;
using LearningPortal.Benchmarks.Shared;
using LearningPortal.Core.Feedback;
using Microsoft.Extensions.DependencyInjection;

// The feedback analysis over one form with 100,000 responses: everything the analysis page asks the database
// (counts, distributions, trend, comments, frequent words), repeated; on SQLite and on PostgreSQL (LP_BENCH_PG).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var responses = args.SkipWhile(a => a != "--responses").Skip(1).Select(int.Parse).FirstOrDefault(100_000);
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(20);
var sqliteOnly = args.Contains("--sqlite-only");
var goals = new Dictionary<string, double> { ["SQLite"] = 1000, ["PostgreSQL"] = 500 };
// A filter that leaves under 1% of the responses (one session of 50 on a hundredth of them): at most 50 ms, and at
// most a quarter of the unfiltered time in the same run, so the filter is seen to narrow the work.
const double NarrowGoal = 50, NarrowShare = 0.25;
var failed = false;

Console.WriteLine($"Feedback analysis benchmark: one form, {responses:N0} responses, {runs} runs per filter; {Environment.ProcessorCount} cores; load average {LoadAverage()}");
await using var postgres = sqliteOnly ? null : await BenchmarkPostgres.StartAsync();
foreach (var provider in sqliteOnly ? ["SQLite"] : new[] { "SQLite", "PostgreSQL" })
{
    await using var database = await BenchmarkDatabase.CreateAsync(provider, postgres?.Server, "feedback", (s, c) => s.AddFeedbackCore(c));
    var seeding = Stopwatch.StartNew();
    var formId = await ResponseSeeder.SeedAsync(database, responses);
    Console.WriteLine();
    Console.WriteLine($"== {provider} (seeded in {seeding.Elapsed.TotalSeconds:0.0} s)");

    var lastMonth = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-6));
    double? unfilteredP95 = null;
    foreach (var (label, filter) in new (string, FeedbackFilter)[]
    {
        ("no filter", new FeedbackFilter()),
        ("one agency, last 6 months", new FeedbackFilter(From: lastMonth, AgencyId: 3)),
        ("one session", new FeedbackFilter(SessionId: 7)),
    })
    {
        FeedbackReport report = default!;
        var parts = new double[4];
        async Task<double> RunOnceAsync()
        {
            using var scope = database.Services.CreateScope();
            var analysis = scope.ServiceProvider.GetRequiredService<FeedbackAnalysis>();
            var watch = Stopwatch.StartNew();
            var marks = new double[5];
            report = await analysis.AnalyseAsync(formId, filter);
            marks[1] = watch.Elapsed.TotalMilliseconds;
            await analysis.CommentsAsync(formId, filter, null, 50);
            marks[2] = watch.Elapsed.TotalMilliseconds;
            await analysis.CountCommentsAsync(formId, filter, null);
            marks[3] = watch.Elapsed.TotalMilliseconds;
            await analysis.FrequentWordsAsync(formId, filter, null, 15);
            marks[4] = watch.Elapsed.TotalMilliseconds;
            for (var i = 0; i < 4; i++)
            {
                parts[i] += marks[i + 1] - marks[i];
            }

            return marks[4];
        }

        await RunOnceAsync(); // warm up: connections, EF model and query caches, JIT
        var commands = CommandCounter.Instance.Commands;
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            times.Add(await RunOnceAsync());
        }

        var commandsPerPage = (CommandCounter.Instance.Commands - commands) / (double)runs;
        var sorted = times.Order().ToArray();
        var share = parts.Select(p => p / (runs + 1)).ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        var ok = P(0.95) <= goals[provider];
        unfilteredP95 ??= P(0.95);
        var narrow = report.Responses > 0 && report.Responses < responses / 100.0;
        var ratio = P(0.95) / unfilteredP95.Value;
        if (narrow)
        {
            ok &= P(0.95) <= NarrowGoal && ratio <= NarrowShare;
        }

        failed |= !ok;
        var goal = narrow ? $"goal p95 <= {NarrowGoal:0} ms and <= {NarrowShare:0.00} of unfiltered" : $"goal p95 <= {goals[provider]:0} ms";
        Console.WriteLine($"{label,-28} {report.Responses,7:N0} responses: p50 {P(0.50),7:0.0} ms, p95 {P(0.95),7:0.0} ms, max {sorted[^1],7:0.0} ms, {ratio:0.00} of unfiltered  {(ok ? "OK" : "OVER")} ({goal})");
        Console.WriteLine($"{"",-28} mean per part: counts and distributions {share[0]:0.0} ms, latest comments {share[1]:0.0} ms, comment count {share[2]:0.0} ms, frequent words {share[3]:0.0} ms; {commandsPerPage:0} commands a page; load {LoadAverage()}");
    }
}

Console.WriteLine();
Console.WriteLine(failed ? "Some figures are over their goal." : "All figures within their goals.");
return failed ? 1 : 0;

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
