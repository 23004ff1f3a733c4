using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using LearningPortal.Benchmarks.Content;
using LearningPortal.Core.Accounts;
using LearningPortal.Core.Data;
using LearningPortal.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        await using var site = new BenchmarkSite();
        using var commands = new CommandCounter();
        var user = await CreateEditorAsync(site.Services);

        string[] pages = ["/training", "/account", "/training/my", "/manage/content", "/manage/feedback"];
        var results = new List<(string Page, string Who, double Rps, double Commands)>();

        Console.WriteLine($"wrk -t2 -c{connections} -d{duration}s per page, after a 2 s warm-up; a fresh session cookie for each page");
        var anonymous = await MeasureAsync(site, "/training", cookie: null);
        results.Add(("/training", "anonymous", anonymous.Rps, anonymous.Commands));
        foreach (var page in pages)
        {
            // A fresh sign-in per page, as a browser would hold one: a cookie older than the session re-check interval
            // (a minute) is re-checked and re-issued on every request by a client that, like wrk, never stores the new one.
            var cookie = await SessionCookieAsync(site.Services, user, age: TimeSpan.Zero);
            var measured = await MeasureAsync(site, page, cookie);
            results.Add((page, "signed in", measured.Rps, measured.Commands));
        }

        // The worst case for the session re-check: every request carries a cookie older than the re-check interval, as
        // happens when a page's requests arrive together at the minute or a client never keeps the re-issued cookie.
        var due = await MeasureAsync(site, "/training", await SessionCookieAsync(site.Services, user, age: TimeSpan.FromMinutes(5)));
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

    /// <summary>An Editor (who may open every page measured), with an authenticator, as an Administrator would set one up.</summary>
    private static async Task<PortalUser> CreateEditorAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var agency = await db.Agencies.OrderBy(a => a.SortOrder).FirstAsync();
        var user = new PortalUser
        {
            UserName = "bench.editor@example.org",
            Email = "bench.editor@example.org",
            EmailConfirmed = true,
            DisplayName = "Benchmark Editor",
            JobRole = "Learning and development lead",
            AgencyId = agency.Id,
            CreatedUtc = DateTime.UtcNow,
        };
        Check(await users.CreateAsync(user, "correct horse battery staple"));
        Check(await users.AddToRolesAsync(user, [PortalRoles.Practitioner, PortalRoles.Editor]));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return user;

        static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }
    }

    /// <summary>
    /// The cookie the site issues after a password and authenticator sign-in: the principal from Identity's own factory
    /// with the second-factor claims the sign-in adds, protected by the site's own cookie ticket format.
    /// </summary>
    private static async Task<string> SessionCookieAsync(IServiceProvider services, PortalUser user, TimeSpan age)
    {
        using var scope = services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        var fresh = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(user.Id) ?? throw new InvalidOperationException("The benchmark user is gone.");
        var principal = await signIn.CreateUserPrincipalAsync(fresh);
        ((ClaimsIdentity)principal.Identity!).AddClaims(SecondFactor.Claims(SecondFactor.AuthenticatorMethod));
        // A signed-in session, as the sign-in form begins one: the re-check ends a sign-in without it.
        var started = await scope.ServiceProvider.GetRequiredService<UserSessions>().BeginAsync(fresh, Guid.NewGuid().ToString("N"), "benchmark");
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(PortalClaims.SessionClaimType, started.Session.Id));
        var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var now = DateTimeOffset.UtcNow - age;
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.ExpireTimeSpan };
        var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.ApplicationScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
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
