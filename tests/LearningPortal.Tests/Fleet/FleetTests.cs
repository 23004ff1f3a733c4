using System.Net.Http.Headers;
using System.Text.Json;
using LearningPortal.Core.Content.Publishing;
using LearningPortal.Core.Email;
using LearningPortal.Web.Training;
using Xunit.Abstractions;

namespace LearningPortal.Tests.Fleet;

/// <summary>Two real instances on one PostgreSQL and one Redis behind nginx behave as one site.</summary>
[Collection(FleetCollection.Name)]
[Trait("Kind", "Fleet")]
public sealed partial class FleetTests(FleetFixture fleet, ITestOutputHelper output)
{
    private static readonly TimeSpan CrossInstanceLimit = TimeSpan.FromSeconds(10);

    /// <summary>How long a test of "once across the instances" waits for the first time: it is about the count, not the speed.</summary>
    private static readonly TimeSpan OnceLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_publish_on_A_and_a_revision_of_a_page_B_cached_are_served_and_found_through_B()
    {
        var editor = await fleet.Control.CreateUserAsync(TestUsers.UniqueEmail("fleet-editor"), TestUsers.Password, PortalRoles.Editor);
        using var onA = FleetFixture.ClientFor(fleet.A.Address);
        await onA.SignInAsync(editor.Email!);

        var latency = await CrossInstancePublish.MeasureAsync(fleet, onA, CrossInstanceLimit);

        Assert.True(latency.Page is not null, $"B still served the old page, or no new page, {CrossInstanceLimit.TotalSeconds} s after the publish on A.");
        Assert.True(latency.Search is not null, $"B's search did not find the publish on A within {CrossInstanceLimit.TotalSeconds} s.");
        output.WriteLine($"Cross-instance publish latency: page {latency.Page!.Value.TotalMilliseconds:0} ms, search {latency.Search!.Value.TotalMilliseconds:0} ms (goal 2000 ms).");
    }

    [Fact]
    public async Task A_thousand_booking_attempts_split_across_A_and_B_confirm_exactly_the_capacity()
    {
        const int Attempts = 1000, Capacity = 25;
        var data = new TrainingData(fleet.Control);
        var session = await data.SessionAsync(change: s => s.Capacity = Capacity);
        var people = await data.PeopleAsync(Attempts, prefix: "fleet-booker");
        var cookies = new List<string>();
        foreach (var person in people)
        {
            var journey = new BookingJourney
            {
                UserId = person.Id, SessionId = session.Id, AttendeeName = person.DisplayName, AgencyId = person.AgencyId,
                JobRole = person.JobRole, NeedsAnswered = true,
            };
            cookies.Add(await FleetCookies.SignInCookieAsync(fleet.Control, person) + "; " + await FleetCookies.JourneyCookieAsync(fleet.Control, journey));
        }

        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 1000 };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(3) };
        var checkPath = $"/training/book/{session.Id}/check";
        // All 1,000 start together; at most 200 are in flight at once (100 per instance), which on the CI's two cores
        // keeps waiting for a database connection under its timeout while still racing many bookings for few places.
        using var inFlight = new SemaphoreSlim(200);
        var outcomes = await Task.WhenAll(cookies.Select((cookie, i) => Task.Run(async () =>
        {
            await inFlight.WaitAsync();
            try
            {
                return await AttemptAsync(cookie, i % 2 == 0 ? fleet.A.Address : fleet.B.Address);
            }
            finally
            {
                inFlight.Release();
            }
        })));

        var failures = outcomes.Where(o => o != "booked").GroupBy(o => o).Select(g => $"{g.Count()} x {g.Key}").ToList();
        Assert.True(failures.Count == 0, $"Attempts failed: {string.Join(", ", failures)}\nA's log ends:\n{Tail(fleet.A.Output)}\nB's log ends:\n{Tail(fleet.B.Output)}");
        var statuses = await fleet.Control.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Bookings.AsNoTracking()
            .Where(b => b.SessionId == session.Id).GroupBy(b => b.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(Capacity, statuses.SingleOrDefault(s => s.Key == BookingStatus.Confirmed)?.Count ?? 0);
        Assert.Equal(Attempts - Capacity, statuses.SingleOrDefault(s => s.Key == BookingStatus.Waitlisted)?.Count ?? 0);

        async Task<string> AttemptAsync(string cookie, Uri site)
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(site, checkPath));
            get.Headers.Add("Cookie", cookie);
            using var page = await http.SendAsync(get);
            var html = await page.Content.ReadAsStringAsync();
            var token = Token().Match(html);
            if (page.StatusCode != HttpStatusCode.OK || !token.Success)
            {
                return $"GET {(int)page.StatusCode}";
            }

            var antiforgery = page.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]).ToList() : [];
            using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(site, checkPath))
            {
                Content = new FormUrlEncodedContent([new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))]),
            };
            post.Headers.Add("Cookie", string.Join("; ", [cookie, .. antiforgery]));
            using var answer = await http.SendAsync(post);
            return answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location?.OriginalString.EndsWith("/confirmation", StringComparison.Ordinal) == true
                ? "booked" : $"POST {(int)answer.StatusCode}";
        }
    }

    [Fact]
    public async Task A_scheduled_publish_and_an_email_happen_once_across_the_instances()
    {
        var control = fleet.Control;
        var version = await control.CreateAsync(Build.Briefing("Scheduled for the fleet"), body: "Goes live by schedule.");
        var address = TestUsers.UniqueEmail("fleet-once");
        await control.WithScopeAsync(async sp =>
        {
            var schedule = await sp.GetRequiredService<ContentPublisher>().SchedulePublishAsync(
                version.DocumentId, version.Number, Core.Time.UkTime.FromUtc(DateTime.UtcNow.AddMinutes(5)), Build.Editor);
            Assert.True(schedule.Succeeded, schedule.ToString());
            var db = sp.GetRequiredService<PortalDbContext>();
            sp.GetRequiredService<EmailOutbox>().Queue(address, "Once Only", "Sent once", "One message, one delivery.");
            await db.SaveChangesAsync();
            // Due now rather than in five minutes (the form only takes future times).
            return await db.ScheduledContentChanges.Where(s => s.Id == schedule.Value!.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.DueUtc, DateTime.UtcNow));
        });

        await Eventually.TrueAsync(() => control.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ScheduledContentChanges
            .AnyAsync(s => s.DocumentId == version.DocumentId && s.CompletedUtc != null)), "an instance carried out the schedule", OnceLimit);
        await fleet.Smtp.WaitForMessageToAsync(address, OnceLimit);
        // Both instances keep polling: give a second delivery or a second publish time to happen.
        await Task.Delay(TimeSpan.FromSeconds(3));

        var published = await control.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().AuditEntries
            .CountAsync(e => e.Action == "content.published" && e.SubjectId == version.DocumentId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1, published);
        Assert.Single(fleet.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == address));
    }

    [Fact]
    public async Task Signing_in_on_A_works_on_B_and_a_password_change_ends_the_session_on_B()
    {
        var user = await fleet.Control.CreateUserAsync(TestUsers.UniqueEmail("fleet-signin"));
        using var onA = FleetFixture.ClientFor(fleet.A.Address);
        await onA.SignInAsync(user.Email!);
        using var onB = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fleet.B.Address };
        var cookie = string.Join("; ", onA.Cookies.Select(c => $"{c.Key}={c.Value}"));
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(onB, "/account", cookie)).StatusCode);

        await fleet.Control.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var result = await users.ChangePasswordAsync((await users.FindByIdAsync(user.Id))!, TestUsers.Password, TestUsers.Password + " changed");
            Assert.True(result.Succeeded);
            return true;
        });
        await Eventually.TrueAsync(async () => (await GetWithCookieAsync(onB, "/account", cookie)).StatusCode == HttpStatusCode.Redirect,
            "B ended the session after the password change", CrossInstanceLimit);
    }

    [Fact]
    public async Task Signing_out_on_A_ends_the_session_on_B_even_for_a_copy_of_its_cookie()
    {
        var user = await fleet.Control.CreateUserAsync(TestUsers.UniqueEmail("fleet-signout"));
        using var onA = FleetFixture.ClientFor(fleet.A.Address);
        await onA.SignInAsync(user.Email!);
        // A copy of the cookie, as a second tab, a shared computer's other browser or a thief would still hold it.
        var cookie = string.Join("; ", onA.Cookies.Select(c => $"{c.Key}={c.Value}"));
        using var onB = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fleet.B.Address };
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(onB, "/account", cookie)).StatusCode);

        var signedOut = await onA.SubmitFormAsync("/account/sign-out", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        // Every instance re-checks the session against the database (Accounts:SessionRecheckInterval, 2 s here, 1 minute
        // by default) and finds it signed out.
        await Eventually.TrueAsync(async () => (await GetWithCookieAsync(onB, "/account", cookie)).StatusCode == HttpStatusCode.Redirect,
            "B ended the session signed out on A", CrossInstanceLimit);
    }

    [Fact]
    public async Task Killing_the_instance_sending_an_email_leaves_the_other_to_send_it_once_with_the_same_message_id()
    {
        var address = TestUsers.UniqueEmail("fleet-kill");
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = 0;
        fleet.Smtp.BeforeAccepting = async message =>
        {
            if (!message.To.Mailboxes.Any(a => a.Address == address) || Interlocked.Exchange(ref first, 1) == 1)
            {
                return true;
            }

            // The first delivery of this message stops here, mid-conversation, until its sender has been killed.
            held.SetResult();
            await release.Task;
            return false;
        };
        SiteProcess? killed = null;
        try
        {
            var messageId = await fleet.Control.WithScopeAsync(async sp =>
            {
                var queued = sp.GetRequiredService<EmailOutbox>().Queue(address, "Kill Test", "Delivered once", "Whoever sends this is killed first.");
                await sp.GetRequiredService<PortalDbContext>().SaveChangesAsync();
                return queued.MessageId;
            });
            await held.Task.WaitAsync(CrossInstanceLimit);
            var owner = await fleet.Control.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.MessageId == messageId).Select(m => m.LeaseOwner).SingleAsync());
            killed = new[] { fleet.A, fleet.B }.Single(s => owner!.StartsWith(s.ProcessId + "/", StringComparison.Ordinal));
            await killed.KillAsync();
            release.SetResult();

            var delivered = await fleet.Smtp.WaitForMessageToAsync(address, TimeSpan.FromSeconds(20));
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Single(fleet.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == address));
            Assert.Equal(messageId, delivered.MessageId);
            var sent = await fleet.Control.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.MessageId == messageId));
            Assert.NotNull(sent.SentUtc);
        }
        finally
        {
            release.TrySetResult();
            fleet.Smtp.BeforeAccepting = null;
            if (killed is not null)
            {
                await FleetFixture.RestartAsync(killed);
            }
        }
    }

    [Fact]
    public async Task A_file_uploaded_on_A_downloads_from_B()
    {
        var editor = await fleet.Control.CreateUserAsync(TestUsers.UniqueEmail("fleet-media"), TestUsers.Password, PortalRoles.Editor);
        using var onA = FleetFixture.ClientFor(fleet.A.Address);
        await onA.SignInAsync(editor.Email!);
        var page = await onA.GetDocumentAsync("/manage/media/upload");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var bytes = "%PDF-1.4\n% fleet test file\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Fleet screening tool"), "Input.Title" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Input.File", "fleet-tool.pdf");
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/manage/media/upload") { Content = form };
        var uploaded = await onA.SendAsync(upload);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Redirect, $"Upload on A returned {(int)uploaded.StatusCode}: {await uploaded.Content.ReadAsStringAsync()}");
        var id = int.Parse(uploaded.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        // Straight to B, whose own media folder has never seen the file.
        using var onB = new HttpClient { BaseAddress = fleet.B.Address };
        var cookie = string.Join("; ", onA.Cookies.Select(c => $"{c.Key}={c.Value}"));
        using var download = await GetWithCookieAsync(onB, $"/media/{id}/fleet-tool.pdf", cookie);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Through_the_proxy_health_gives_anyone_the_status_and_the_token_holder_the_details()
    {
        using var proxy = new HttpClient { BaseAddress = fleet.Proxy.Address };
        foreach (var path in new[] { "/health/live", "/health/ready", "/health" })
        {
            using var anonymous = await proxy.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
            using var json = JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync());
            Assert.Equal(new[] { "status" }, json.RootElement.EnumerateObject().Select(p => p.Name));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FleetFixture.HealthToken);
        using var detailed = await proxy.SendAsync(request);
        using var details = JsonDocument.Parse(await detailed.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", details.RootElement.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", details.RootElement.GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("PostgreSql", details.RootElement.GetProperty("database").GetProperty("provider").GetString());
    }

    private static string Tail(string log) => log.Length > 3000 ? log[^3000..] : log;

    private static async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
