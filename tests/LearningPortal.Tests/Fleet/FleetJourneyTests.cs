using LearningPortal.Web.Security.RateLimiting;

namespace LearningPortal.Tests.Fleet;

/// <summary>
/// No sticky sessions: a person's requests may land on any instance. A booking made page by page on alternating
/// instances, rate limits counted once for the whole fleet, and an instance that cannot protect its keys refusing to start.
/// </summary>
[Collection(FleetCollection.Name)]
[Trait("Kind", "Fleet")]
public sealed class FleetJourneyTests(FleetFixture fleet)
{
    [Fact]
    public async Task A_booking_journey_whose_every_request_goes_to_the_other_instance_books_once_and_shows_the_booking()
    {
        var data = new TrainingData(fleet.Control);
        var session = await data.SessionAsync();
        var user = await fleet.Control.CreateUserAsync(TestUsers.UniqueEmail("fleet-journey"));
        using var client = new PortalClient(fleet.A.Address) { TakeTurnsAmong = [fleet.A.Address, fleet.B.Address] };

        // Each form: its page from one instance, its answer (with that page's anti-forgery token) to the other.
        await client.SignInAsync(user.Email!);
        var chosen = await client.SubmitFormAsync($"/training/{session.Course.Slug}/book", new Dictionary<string, string> { ["SessionId"] = session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal($"/training/book/{session.Id}/your-details", chosen.Headers.Location?.OriginalString);
        var details = await client.SubmitFormAsync($"/training/book/{session.Id}/your-details", new Dictionary<string, string> { ["Input.JobRole"] = "Health visitor" });
        Assert.Equal($"/training/book/{session.Id}/needs", details.Headers.Location?.OriginalString);
        var needs = await client.SubmitFormAsync($"/training/book/{session.Id}/needs", new Dictionary<string, string> { ["Input.AccessNeeds"] = "Step-free access" });
        Assert.Equal($"/training/book/{session.Id}/check", needs.Headers.Location?.OriginalString);
        var check = await client.GetDocumentAsync($"/training/book/{session.Id}/check");
        Assert.Contains("Health visitor", check.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Step-free access", check.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var booked = await client.SubmitFormAsync(check, $"/training/book/{session.Id}/check", new Dictionary<string, string>());
        Assert.Equal($"/training/book/{session.Id}/confirmation", booked.Headers.Location?.OriginalString);
        var confirmation = await client.GetDocumentAsync($"/training/book/{session.Id}/confirmation");
        Assert.Equal("Booking confirmed", confirmation.QuerySelector("h1")!.TextContent.Trim());
        var mine = await client.GetDocumentAsync("/training/my");
        Assert.Contains(session.Course.Title, mine.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Every request went to the other instance from the one before.
        Assert.True(client.Requested.Count >= 12, $"Only {client.Requested.Count} requests");
        for (var i = 1; i < client.Requested.Count; i++)
        {
            Assert.NotEqual(client.Requested[i - 1].Port, client.Requested[i].Port);
        }

        var booking = await data.BookingAsync(session, user);
        Assert.Equal((BookingStatus.Confirmed, "Health visitor", "Step-free access"), (booking.Status, booking.JobRole, booking.AccessNeeds));
        Assert.Equal(1, (await data.ReloadAsync(session)).PlacesTaken);
    }

    [Fact]
    public async Task Sign_in_attempts_spread_across_A_and_B_meet_the_limit_at_the_same_count_as_on_one_instance()
    {
        // The instances run Production's limits; an address nobody has, so that account lockout plays no part.
        var limit = PortalRateLimitOptions.Defaults[PortalRateLimitOptions.SignIn].PerSubject;
        var email = TestUsers.UniqueEmail("fleet-limited");
        using var onA = FleetFixture.ClientFor(fleet.A.Address);
        using var onB = FleetFixture.ClientFor(fleet.B.Address);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < limit + 2; attempt++)
        {
            // Alternate instances, and a new network each time, so that only the shared per-address count can refuse.
            var client = attempt % 2 == 0 ? onA : onB;
            var network = $"198.51.100.{attempt + 1}";
            using var get = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
            get.Headers.Add("X-Forwarded-For", network);
            var page = await PortalClient.ParseAsync(await client.SendAsync(get));
            var token = page.QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
            using var post = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["Input.Email"] = email,
                    ["Input.Password"] = "a wrong password for the limit",
                }),
            };
            post.Headers.Add("X-Forwarded-For", network);
            using var response = await client.SendAsync(post);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("Too many attempts", (await PortalClient.ParseAsync(response)).QuerySelector("h1")?.TextContent.Trim());
            }
        }

        // Counted per instance, A would have seen 6 attempts and B 5 when the 11th came: both would still let it through.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, limit), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task An_instance_without_its_key_certificate_or_with_the_wrong_password_refuses_to_start_and_says_why()
    {
        var withoutCertificate = fleet.EnvironmentFor("no-certificate");
        withoutCertificate.Remove("DataProtection__CertificatePath");
        withoutCertificate.Remove("DataProtection__CertificatePassword");
        await using (var site = new SiteProcess("no-certificate", withoutCertificate))
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => site.StartAsync(TimeSpan.FromSeconds(120)));
            Assert.Contains("The data-protection keys must be protected at rest in Production: set DataProtection:CertificatePath", refused.Message, StringComparison.Ordinal);
        }

        var wrongPassword = fleet.EnvironmentFor("wrong-password");
        wrongPassword["DataProtection__CertificatePassword"] = "not the password";
        await using (var site = new SiteProcess("wrong-password", wrongPassword))
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => site.StartAsync(TimeSpan.FromSeconds(120)));
            Assert.Contains($"The data-protection certificate {fleet.KeyCertificate} could not be read", refused.Message, StringComparison.Ordinal);
        }
    }
}
