using System.Globalization;
using LearningPortal.Benchmarks.Shared;
using LearningPortal.Benchmarks.Training;
using LearningPortal.Core.Training;

// Training bookings under load: correctness of 1,000 concurrent attempts on 20 places, repeated, and
// booking latency at 50 concurrent users; on SQLite and on PostgreSQL (LP_BENCH_PG, or a cluster of its own with default durability).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(5);
var sqliteOnly = args.Contains("--sqlite-only");
var providers = sqliteOnly ? new[] { "SQLite" } : ["SQLite", "PostgreSQL"];
var failed = false;

Console.WriteLine($"Training booking benchmark: {runs} runs of 1,000 concurrent attempts on 20 places per database; {Environment.ProcessorCount} cores");
await using var postgres = sqliteOnly ? null : await BenchmarkPostgres.StartAsync();
foreach (var provider in providers)
{
    await using var database = await BenchmarkDatabase.CreateAsync(provider, postgres?.Server, "training", (s, c) => s.AddTrainingCore(c));
    var burst = new BookingBurst(database);
    Console.WriteLine();
    Console.WriteLine($"== {provider}");
    await burst.LatencyAsync(10, 5, 2, 1000); // warm up: connections, EF model, JIT
    for (var run = 1; run <= runs; run++)
    {
        var result = await burst.RunAsync(1000, 20);
        var ok = result.Problems.Count == 0;
        failed |= !ok;
        Console.WriteLine(
            $"run {run}: {(ok ? "OK  " : "FAIL")} 20 confirmed, 980 waiting in arrival order, no duplicates, no errors; {result.Elapsed.TotalSeconds:0.00} s ({1000 / result.Elapsed.TotalSeconds:0} bookings/s)"
            + (ok ? "" : "\n   " + string.Join("\n   ", result.Problems)));
    }

    foreach (var (label, sessions) in new[] { ("one session (every booking waits for the same lock)", 1), ("50 sessions", 50) })
    {
        var latency = await burst.LatencyAsync(50, 20, sessions, 1000);
        failed |= latency.Problems.Count > 0;
        var sorted = latency.LatenciesMs.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine(
            $"latency, 50 concurrent users x 20 bookings, {label}: p50 {P(0.50):0.0} ms, p95 {P(0.95):0.0} ms, p99 {P(0.99):0.0} ms, max {sorted[^1]:0.0} ms; {sorted.Length / latency.Elapsed.TotalSeconds:0} bookings/s"
            + (latency.Problems.Count == 0 ? "" : $"; {latency.Problems.Count} refused"));
    }
}

Console.WriteLine();
Console.WriteLine(failed ? "FAILED" : "All runs correct.");
return failed ? 1 : 0;
