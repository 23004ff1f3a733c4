using System.Globalization;
using LearningPortal.Benchmarks.Shared;
using LearningPortal.Benchmarks.Training;
using LearningPortal.Core.Training;

// Training bookings under load: correctness of 1,000 concurrent attempts on 20 places, repeated (the storm), and
// booking latency at 50 concurrent users on one session and on 50; on SQLite and on PostgreSQL (LP_BENCH_PG, or a
// cluster of its own with default durability). The goals compare the two databases within this one run, so a loaded
// machine slows both; the process exits non-zero when any run is wrong or a goal is missed.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(5);
var sqliteOnly = args.Contains("--sqlite-only");
var providers = sqliteOnly ? new[] { "SQLite" } : ["SQLite", "PostgreSQL"];
var failed = false;
var figures = new Dictionary<string, Figures>();

Console.WriteLine($"Training booking benchmark: {runs} runs of 1,000 concurrent attempts on 20 places per database; {Environment.ProcessorCount} cores; load average {LoadAverage()}");
await using var postgres = sqliteOnly ? null : await BenchmarkPostgres.StartAsync();
foreach (var provider in providers)
{
    await using var database = await BenchmarkDatabase.CreateAsync(provider, postgres?.Server, "training", (s, c) => s.AddTrainingCore(c));
    var burst = new BookingBurst(database);
    Console.WriteLine();
    Console.WriteLine($"== {provider}");
    await burst.LatencyAsync(10, 5, 2, 1000); // warm up: connections, EF model, JIT
    var rates = new List<double>();
    for (var run = 1; run <= runs; run++)
    {
        var result = await burst.RunAsync(1000, 20);
        var ok = result.Problems.Count == 0;
        failed |= !ok;
        rates.Add(1000 / result.Elapsed.TotalSeconds);
        Console.WriteLine(
            $"storm {run}: {(ok ? "OK  " : "FAIL")} 20 confirmed, 980 waiting in arrival order, no duplicates, no errors; {result.Elapsed.TotalSeconds:0.00} s ({rates[^1]:0} bookings/s); {result.CommandsPerBooking:0.0} commands and {result.CommitsPerBooking:0.00} commits a booking; load {LoadAverage()}"
            + (ok ? "" : "\n   " + string.Join("\n   ", result.Problems)));
    }

    var latencies = new Dictionary<int, Percentiles>();
    foreach (var (label, sessions) in new[] { ("one session (every booking waits for the same lock)", 1), ("50 sessions", 50) })
    {
        var latency = await burst.LatencyAsync(50, 20, sessions, 1000);
        failed |= latency.Problems.Count > 0;
        var p = Percentiles.Of(latency.LatenciesMs);
        latencies[sessions] = p;
        Console.WriteLine(
            $"latency, 50 concurrent users x 20 bookings, {label}: p50 {p.P50:0.0} ms, p95 {p.P95:0.0} ms, p99 {p.P99:0.0} ms, max {p.Max:0.0} ms; {latency.LatenciesMs.Length / latency.Elapsed.TotalSeconds:0} bookings/s; {latency.CommandsPerBooking:0.0} commands and {latency.CommitsPerBooking:0.00} commits a booking; load {LoadAverage()}"
            + (latency.Problems.Count == 0 ? "" : $"; {latency.Problems.Count} refused: {string.Join(" | ", latency.Problems.Distinct().Take(3))}"));
    }

    figures[provider] = new Figures(rates.Order().ElementAt(rates.Count / 2), latencies[1], latencies[50]);
}

Console.WriteLine();
if (figures.TryGetValue("PostgreSQL", out var pg) && figures.TryGetValue("SQLite", out var lite))
{
    // The goals of issue 19, as ratios within this run.
    Console.WriteLine($"{"",-44} {"SQLite",22} {"PostgreSQL",22}");
    Console.WriteLine($"{"50 sessions p50 / p95 / p99 (ms)",-44} {lite.Spread.Describe(),22} {pg.Spread.Describe(),22}");
    Console.WriteLine($"{"one session p50 / p95 / p99 (ms)",-44} {lite.OneSession.Describe(),22} {pg.OneSession.Describe(),22}");
    Console.WriteLine($"{"storm, median of runs (bookings/s)",-44} {lite.StormRate,22:0} {pg.StormRate,22:0}");
    Goal($"50 sessions: PostgreSQL p95 {pg.Spread.P95:0} ms <= SQLite's {lite.Spread.P95:0} ms", pg.Spread.P95 <= lite.Spread.P95);
    Goal($"50 sessions: PostgreSQL p95 {pg.Spread.P95:0} ms <= 150 ms", pg.Spread.P95 <= 150);
    Goal($"50 sessions: PostgreSQL p99 {pg.Spread.P99:0} ms < 300 ms", pg.Spread.P99 < 300);
    Goal($"one session: PostgreSQL p95 {pg.OneSession.P95:0} ms <= SQLite's {lite.OneSession.P95:0} ms", pg.OneSession.P95 <= lite.OneSession.P95);
    Goal($"storm: PostgreSQL {pg.StormRate:0} bookings/s >= SQLite's {lite.StormRate:0}", pg.StormRate >= lite.StormRate);
}

Console.WriteLine();
Console.WriteLine(failed ? "FAILED: a run was wrong or a goal was missed." : "All runs correct and every goal met.");
return failed ? 1 : 0;

void Goal(string what, bool met)
{
    failed |= !met;
    Console.WriteLine($"{(met ? "met   " : "MISSED")} {what}");
}

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

internal sealed record Figures(double StormRate, Percentiles OneSession, Percentiles Spread);

internal sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(double[] latencies)
    {
        var sorted = latencies.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Percentiles(P(0.50), P(0.95), P(0.99), sorted[^1]);
    }

    public string Describe() => $"{P50:0} / {P95:0} / {P99:0}";
}
