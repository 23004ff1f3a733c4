using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using LearningPortal.Core.Content;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace LearningPortal.Tests.Fleet;

/// <summary>
/// Redis holds only caches and counts: when it stops under running instances they keep serving pages and signing people
/// in (uncached, counting rate limits on each instance), say so in /health/ready's details, and when it returns they
/// use it again, with nothing stale from before the outage. Two instances of their own on a Redis of their own, so
/// that stopping it disturbs no other test.
/// </summary>
[Collection(FleetCollection.Name)]
[Trait("Kind", "Fleet")]
public sealed class RedisOutageTests(ITestOutputHelper output)
{
    // Far above a warmed page's time on a loaded CI machine, below what one wait on a dead Redis cost before (a command
    // queued until its 5 s timeout, and a page makes two).
    private static readonly TimeSpan PageLimit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SignInLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task When_Redis_stops_pages_and_sign_in_keep_working_and_when_it_returns_publishing_evicts_across_instances_again()
    {
        var fleet = new FleetFixture { RestartableRedis = true, WithProxy = false };
        try
        {
            await fleet.InitializeAsync();
            await RunAsync(fleet);
        }
        catch (Exception) when (Log(fleet))
        {
            throw;
        }
        finally
        {
            await fleet.DisposeAsync();
        }
    }

    private async Task RunAsync(FleetFixture fleet)
    {
        var control = fleet.Control;
        var redis = fleet.OwnRedis!;
        var word = "outage" + Guid.NewGuid().ToString("N")[..8];
        var learner = await control.CreateUserAsync(TestUsers.UniqueEmail("outage-learner"));
        var editor = await control.CreateUserAsync(TestUsers.UniqueEmail("outage-editor"), TestUsers.Password, PortalRoles.Editor);
        using var editorOnA = FleetFixture.ClientFor(fleet.A.Address);
        await editorOnA.SignInAsync(editor.Email!);
        var page = await control.PublishNewAsync(Build.Briefing("Outage " + word), body: "Before the outage.");
        var path = "/learning/" + page.Slug;
        using var a = new HttpClient { BaseAddress = fleet.A.Address, Timeout = TimeSpan.FromSeconds(60) };
        using var b = new HttpClient { BaseAddress = fleet.B.Address, Timeout = TimeSpan.FromSeconds(60) };
        // B caches the page in Redis (the second answer comes from the cache).
        Assert.Contains("Before the outage.", await b.GetStringAsync(path));
        Assert.Contains("Before the outage.", await b.GetStringAsync(path));

        // Each instance renders the pages once (signed in, so past the cache): the timings below measure Redis, not JIT.
        foreach (var site in new[] { a, b })
        {
            foreach (var p in new[] { "/", "/learning", path, "/account/sign-in" })
            {
                using var warm = await GetAsync(site, p, cookie: Cookies(editorOnA));
                Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
            }
        }

        await redis.StopAsync();

        // Pages: both instances, straight away, each answer in reasonable time.
        foreach (var (site, name) in new[] { (a, "A"), (b, "B") })
        {
            foreach (var p in new[] { "/", "/learning", path, path })
            {
                var watch = Stopwatch.StartNew();
                using var response = await site.GetAsync(p);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name} answered {p} with {(int)response.StatusCode} while Redis was down.");
                Assert.True(watch.Elapsed < PageLimit, $"{name} took {watch.ElapsedMilliseconds} ms for {p} while Redis was down.");
                output.WriteLine($"Redis down: {name} {p} {watch.ElapsedMilliseconds} ms");
            }
        }

        // Sign-in (rate limited, counted on the instance now) on A, and the session works on B.
        using var learnerOnA = FleetFixture.ClientFor(fleet.A.Address);
        var signIn = Stopwatch.StartNew();
        await learnerOnA.SignInAsync(learner.Email!);
        Assert.True(signIn.Elapsed < SignInLimit, $"Signing in took {signIn.ElapsedMilliseconds} ms while Redis was down.");
        output.WriteLine($"Redis down: sign-in on A {signIn.ElapsedMilliseconds} ms");
        using (var account = await GetAsync(b, "/account", cookie: Cookies(learnerOnA)))
        {
            Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        }

        // Health: still ready (the proxy keeps sending traffic), degraded, and why only for the token holder.
        using (var anonymous = await a.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
            Assert.Equal("""{"status":"Degraded"}""", Compact(await anonymous.Content.ReadAsStringAsync()));
        }

        using (var details = await ReadyDetailsAsync(a))
        {
            Assert.Equal("Degraded", details.RootElement.GetProperty("redis").GetProperty("status").GetString());
            Assert.Contains("Redis is unreachable", details.RootElement.GetProperty("redis").GetProperty("description").GetString());
            Assert.Equal("Healthy", details.RootElement.GetProperty("database").GetProperty("status").GetString());
        }

        Assert.Contains("Redis is unreachable", fleet.A.Output);

        // Publishing during the outage works (its eviction waits for Redis), and B serves the revision at once.
        await ReviseAndPublishAsync(control, editorOnA, page, word, "During the outage.");
        Assert.Contains("During the outage.", await b.GetStringAsync(path));

        // Redis comes back with what it held, the page B cached before the outage among it.
        await redis.StartAsync();
        await using (var probe = await ConnectionMultiplexer.ConnectAsync(redis.Configuration))
        {
            var keys = probe.GetServer(redis.Configuration).Keys(pattern: fleet.RedisPrefix + "oc:*").ToList();
            Assert.True(keys.Count > 0, "The restarted Redis did not restore the cached page, so this test would prove nothing.");
        }

        foreach (var site in new[] { a, b })
        {
            await Eventually.TrueAsync(async () =>
            {
                using var details = await ReadyDetailsAsync(site);
                return details.RootElement.GetProperty("redis").GetProperty("status").GetString() == "Healthy";
            }, "the instance reconnected to Redis", TimeSpan.FromSeconds(30));
        }

        // Nothing stale: the page cached before the outage was evicted before the cache was used again.
        var again = await b.GetStringAsync(path);
        Assert.DoesNotContain("Before the outage.", again);
        Assert.Contains("During the outage.", again);

        // And publishing evicts across instances again: B caches the page, a publish on A, B serves the new one.
        await b.GetStringAsync(path);
        await b.GetStringAsync(path);
        await ReviseAndPublishAsync(control, editorOnA, page, word, "After the outage.");
        var published = Stopwatch.StartNew();
        await Eventually.TrueAsync(async () => (await b.GetStringAsync(path)).Contains("After the outage.", StringComparison.Ordinal),
            "B served the page published on A after Redis returned", TimeSpan.FromSeconds(10));
        output.WriteLine($"Redis back: B served the publish on A after {published.ElapsedMilliseconds} ms");
    }

    private static async Task ReviseAndPublishAsync(FleetControl control, PortalClient editorOnA, DocumentVersion page, string word, string body)
    {
        var latest = await control.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().DocumentVersions
            .Where(v => v.DocumentId == page.DocumentId).MaxAsync(v => v.Number));
        var draft = await control.SaveDraftAsync(page.DocumentId, latest, Build.Briefing("Outage " + word), page.Slug, body);
        Assert.True(draft.Succeeded, draft.ToString());
        await CrossInstancePublish.PublishThroughFormAsync(editorOnA, page.DocumentId);
    }

    private static async Task<JsonDocument> ReadyDetailsAsync(HttpClient site)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FleetFixture.HealthToken);
        using var response = await site.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static string Cookies(PortalClient client) => string.Join("; ", client.Cookies.Select(c => $"{c.Key}={c.Value}"));

    private static string Compact(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);

    private bool Log(FleetFixture fleet)
    {
        foreach (var site in new[] { fleet.A, fleet.B })
        {
            if (site is not null)
            {
                var log = site.Output;
                output.WriteLine($"{site.Name}'s log ends:\n{(log.Length > 4000 ? log[^4000..] : log)}");
            }
        }

        return false;
    }
}
