using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LearningPortal.Benchmarks.Shared;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningPortal.Benchmarks.Pages;

/// <summary>
/// Signed-in pages against anonymous <c>/training</c>, with wrk against the real site (Production, SQLite, starter content)
/// on Kestrel, all in one run: requests a second for each page and its ratio to anonymous /training (goal: at least 0.5
/// each), and how many database commands one request of each page sends. Exits 1 when a goal is missed.
/// Options: --duration SECONDS per wrk run (10), --connections N (32).
/// </summary>
internal static class Program
{
    private const double Goal = 0.5;

    public static async Task<int> Main(string[] args)
    {
        var duration = Option(args, "--duration", 10);
        var connections = Option(args, "--connections", 32);

        Console.WriteLine("Starting the site (Production, SQLite, starter content)...");
        await using var site = new BenchmarkSite("pages");
        using var commands = new CommandCounter();
        var user = await BenchmarkEditor.CreateAsync(site.Services);

        string[] pages = ["/training", "/account", "/training/my", "/manage/content", "/manage/feedback"];
        var results = new List<(string Page, string Who, double Rps, double Commands)>();

        Console.WriteLine($"wrk -t2 -c{connections} -d{duration}s per page, after a 2 s warm-up; a fresh session cookie for each page");
        var anonymous = await MeasureAsync(site, "/training", cookie: null);
        results.Add(("/training", "anonymous", anonymous.Rps, anonymous.Commands));
        foreach (var page in pages)
        {
            // A fresh sign-in per page, as a browser would hold one: a cookie older than the session re-check interval
            // (a minute) is re-checked and re-issued on every request by a client that, like wrk, never stores the new one.
            var cookie = await BenchmarkEditor.SessionCookieAsync(site.Services, user, age: TimeSpan.Zero);
            var measured = await MeasureAsync(site, page, cookie);
            results.Add((page, "signed in", measured.Rps, measured.Commands));
        }

        // The worst case for the session re-check: every request carries a cookie older than the re-check interval, as
        // happens when a page's requests arrive together at the minute or a client never keeps the re-issued cookie.
        var due = await MeasureAsync(site, "/training", await BenchmarkEditor.SessionCookieAsync(site.Services, user, age: TimeSpan.FromMinutes(5)));
        results.Add(("/training", "re-check", due.Rps, due.Commands));

        Console.WriteLine();
        Console.WriteLine("=== Results (one run; compare ratios, the machine is shared) ===");
        Console.WriteLine($"{"page",-18} {"who",-10} {"requests/s",11} {"ratio",6} {"db commands/request",20}");
        var missed = false;
        foreach (var (page, who, rps, perRequest) in results)
        {
            var ratio = rps / anonymous.Rps;
            var met = who == "anonymous" || ratio >= Goal;
            missed |= !met;
            Console.WriteLine($"{page,-18} {who,-10} {rps,11:N0} {ratio,6:N2} {perRequest,20:N1}{(met ? "" : "   NOT MET (goal >= 0.50)")}");
        }

        Console.WriteLine(missed ? "Goal (each signed-in page >= 0.50 of anonymous /training): NOT MET" : "Goal (each signed-in page >= 0.50 of anonymous /training): met");
        return missed ? 1 : 0;

        async Task<(double Rps, double Commands)> MeasureAsync(BenchmarkSite site, string page, string? cookie)
        {
            // One request on its own first: it must be the page itself (200, not a sign-in redirect), and says how many
            // database commands the page sends.
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = site.BaseAddress };
            using var request = new HttpRequestMessage(HttpMethod.Get, page);
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", cookie);
            }

            using (var first = await http.SendAsync(CloneOf(request)))
            {
                await first.Content.ReadAsByteArrayAsync();
                // A browser keeps the anti-forgery cookie the first page sets (the sign-out form needs one), and sends it back.
                if (cookie is not null && first.Headers.TryGetValues("Set-Cookie", out var set)
                    && set.FirstOrDefault(c => c.StartsWith("lp.af=", StringComparison.Ordinal)) is { } antiforgery)
                {
                    cookie += "; " + antiforgery.Split(';')[0];
                    request.Headers.Remove("Cookie");
                    request.Headers.Add("Cookie", cookie);
                }
            }

            var before = commands.Count;
            using var response = await http.SendAsync(request);
            var perRequest = commands.Count - before;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {page} answered {(int)response.StatusCode} {response.Headers.Location}");
            }

            var header = cookie is null ? "" : $"-H \"Cookie: {cookie}\" ";
            var url = $"{site.BaseAddress}{page.TrimStart('/')}";
            await Wrk($"-t2 -c{connections} -d2s {header}{url}");
            var rps = await Wrk($"-t2 -c{connections} -d{duration}s {header}{url}");
            Console.WriteLine($"  {page,-18} {(cookie is null ? "anonymous" : "signed in"),-10} {rps,9:N0} requests/s, {perRequest} database commands");
            return (rps, perRequest);
        }
    }

    private static HttpRequestMessage CloneOf(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri);
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }

    private static async Task<double> Wrk(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", "wrk " + arguments]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("Could not start wrk (Debian: apt-get install -y wrk).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var errors = Regex.Match(output, @"Non-2xx or 3xx responses: (\d+)");
        if (errors.Success)
        {
            throw new InvalidOperationException($"wrk: {errors.Groups[1].Value} error responses");
        }

        var rps = Regex.Match(output, @"Requests/sec:\s+([\d.]+)");
        return rps.Success ? double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException($"wrk printed no Requests/sec:\n{output}");
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>Counts the database commands EF Core executes in this process (its diagnostic events).</summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly IDisposable subscription;
        private readonly List<IDisposable> listeners = [];
        private long count;

        public CommandCounter() => subscription = DiagnosticListener.AllListeners.Subscribe(this);

        public long Count => Interlocked.Read(ref count);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (listeners)
                {
                    listeners.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted.Name)
            {
                Interlocked.Increment(ref count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            subscription.Dispose();
            lock (listeners)
            {
                listeners.ForEach(l => l.Dispose());
            }
        }
    }
}
