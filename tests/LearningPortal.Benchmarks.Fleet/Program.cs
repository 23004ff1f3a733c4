using System.Globalization;
using LearningPortal.Core.Accounts;
using LearningPortal.Tests.Fleet;
using LearningPortal.Tests.Infrastructure;

// The cross-instance publish latency of the fleet (docs/fleet.md): rounds of "revise a page B has cached and write
// a new one, publish both through A's form, poll B every 50 ms", printing when B served them and when B's search
// found them. Goal: 2 seconds. Exits non-zero if any round exceeds 10 seconds.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).FirstOrDefault(10);
var limit = TimeSpan.FromSeconds(10);

// The in-process helper host is a WebApplicationFactory, which finds the web project through a manifest that only
// test projects get: point it at the web project, unless the caller already has.
const string ContentRoot = "ASPNETCORE_TEST_CONTENTROOT_LEARNINGPORTAL_WEB";
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ContentRoot)))
{
    Environment.SetEnvironmentVariable(ContentRoot, Path.Combine(SiteProcess.RepositoryRoot, "src", "LearningPortal.Web"));
}

var fleet = new FleetFixture();
await fleet.InitializeAsync();
try
{
    Console.WriteLine($"Fleet publish latency: {rounds} rounds, instances A and B behind nginx, {Environment.ProcessorCount} cores; goal 2000 ms");
    var editor = await fleet.Control.CreateUserAsync(TestUsers.UniqueEmail("bench-editor"), TestUsers.Password, PortalRoles.Editor);
    using var onA = FleetFixture.ClientFor(fleet.A.Address);
    await onA.SignInAsync(editor.Email!);
    await CrossInstancePublish.MeasureAsync(fleet, onA, limit); // warm up: JIT, connections, caches
    var pages = new List<double>();
    var searches = new List<double>();
    for (var round = 1; round <= rounds; round++)
    {
        var latency = await CrossInstancePublish.MeasureAsync(fleet, onA, limit);
        if (latency.Page is null || latency.Search is null)
        {
            Console.WriteLine($"round {round}: FAIL B did not catch up within {limit.TotalSeconds} s (page {latency.Page}, search {latency.Search})");
            Environment.ExitCode = 1;
            continue;
        }

        pages.Add(latency.Page.Value.TotalMilliseconds);
        searches.Add(latency.Search.Value.TotalMilliseconds);
        Console.WriteLine($"round {round}: page on B after {pages[^1]:0} ms, found by B's search after {searches[^1]:0} ms");
    }

    Console.WriteLine();
    Console.WriteLine($"page   median {Percentile(pages, 50):0} ms, p95 {Percentile(pages, 95):0} ms, max {pages.DefaultIfEmpty().Max():0} ms");
    Console.WriteLine($"search median {Percentile(searches, 50):0} ms, p95 {Percentile(searches, 95):0} ms, max {searches.DefaultIfEmpty().Max():0} ms");
    Console.WriteLine($"goal 2000 ms: {(searches.Count == rounds && searches.Max() <= 2000 && pages.Max() <= 2000 ? "met" : "NOT met")}");
}
finally
{
    await fleet.DisposeAsync();
}

static double Percentile(List<double> values, int percent)
{
    if (values.Count == 0)
    {
        return double.NaN;
    }

    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];
}
