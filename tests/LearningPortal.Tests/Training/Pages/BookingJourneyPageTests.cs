namespace LearningPortal.Tests.Training.Pages;

public class BookingJourneyPageTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly TrainingData data = new(site);

    [Fact]
    public async Task Programme_lists_courses_with_upcoming_sessions_and_places_left_to_anyone()
    {
        var session = await data.SessionAsync(change: s => s.Capacity = 3);
        await data.BookAsync(session, await data.PersonAsync());
        using var anonymous = site.CreatePortalClient();

        var page = await anonymous.GetDocumentAsync("/training");
        var course = await anonymous.GetDocumentAsync($"/training/{session.Course.Slug}");

        Assert.Contains(session.Course.Title, page.QuerySelector("main")!.TextContent);
        Assert.Contains("2 places left", page.QuerySelector("main")!.TextContent);
        Assert.Contains(SessionTimes.Describe(session), course.QuerySelector("main")!.TextContent);
        Assert.NotNull(course.QuerySelector($"a[href='/training/{session.Course.Slug}/book']"));

        // The description is Markdown, rendered as a list.
        Assert.Equal(2, course.QuerySelectorAll("main ul.govuk-list--bullet li").Length);
    }

    [Fact]
    public async Task Course_description_cannot_inject_script()
    {
        var course = await data.CourseAsync(c => c.Description = "Hello <script>alert(1)</script> [x](javascript:alert(2))");
        using var anonymous = site.CreatePortalClient();

        var page = await anonymous.GetDocumentAsync($"/training/{course.Slug}");

        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.DoesNotContain("javascript:", page.QuerySelector("main")!.InnerHtml);
    }

    [Fact]
    public async Task Booking_journey_asks_one_thing_per_page_then_books_and_confirms()
    {
        var session = await data.SessionAsync();
        var (user, client) = await SignedInAsync();

        var choose = await client.SubmitFormAsync($"/training/{session.Course.Slug}/book", new Dictionary<string, string> { ["SessionId"] = session.Id.ToString() });
        Assert.Equal($"/training/book/{session.Id}/your-details", choose.Headers.Location!.ToString());
        var detailsPage = await client.GetDocumentAsync($"/training/book/{session.Id}/your-details");
        Assert.Equal(user.DisplayName, ((AngleSharp.Html.Dom.IHtmlInputElement)detailsPage.QuerySelector("#Input-AttendeeName")!).Value);
        var details = await client.SubmitFormAsync($"/training/book/{session.Id}/your-details", new Dictionary<string, string> { ["Input.JobRole"] = "School nurse" });
        Assert.Equal($"/training/book/{session.Id}/needs", details.Headers.Location!.ToString());
        var needs = await client.SubmitFormAsync($"/training/book/{session.Id}/needs", new Dictionary<string, string> { ["Input.AccessNeeds"] = "Hearing loop" });
        Assert.Equal($"/training/book/{session.Id}/check", needs.Headers.Location!.ToString());
        var check = await client.GetDocumentAsync($"/training/book/{session.Id}/check");
        Assert.Contains("School nurse", check.QuerySelector("main")!.TextContent);
        Assert.Contains("Hearing loop", check.QuerySelector("main")!.TextContent);

        var booked = await client.SubmitFormAsync(check, $"/training/book/{session.Id}/check", new Dictionary<string, string>());

        Assert.Equal($"/training/book/{session.Id}/confirmation", booked.Headers.Location!.ToString());
        var confirmation = await client.GetDocumentAsync(booked.Headers.Location!.ToString());
        Assert.Equal("Booking confirmed", confirmation.QuerySelector("h1")!.TextContent.Trim());
        var booking = await data.BookingAsync(session, user);
        Assert.Equal((BookingStatus.Confirmed, "School nurse", "Hearing loop"), (booking.Status, booking.JobRole, booking.AccessNeeds));
    }

    [Fact]
    public async Task Clicking_book_twice_books_once_and_shows_the_same_confirmation()
    {
        var session = await data.SessionAsync();
        var (user, client) = await SignedInAsync();
        await WalkToCheckAsync(client, session);
        var check = await client.GetDocumentAsync($"/training/book/{session.Id}/check");

        var first = client.SubmitFormAsync(check, $"/training/book/{session.Id}/check", new Dictionary<string, string>());
        var second = client.SubmitFormAsync(check, $"/training/book/{session.Id}/check", new Dictionary<string, string>());
        var responses = await Task.WhenAll(first, second);

        Assert.All(responses, r => Assert.Equal($"/training/book/{session.Id}/confirmation", r.Headers.Location?.ToString()));
        Assert.Equal(1, (await data.ReloadAsync(session)).PlacesTaken);
        Assert.Single(await data.EmailsToAsync(user.Email!));
    }

    [Fact]
    public async Task Full_session_offers_the_waiting_list_and_shows_the_position()
    {
        var session = await data.SessionAsync(change: s => s.Capacity = 1);
        await data.BookAsync(session, await data.PersonAsync());
        var (_, client) = await SignedInAsync();

        var choose = await client.GetDocumentAsync($"/training/{session.Course.Slug}/book");
        Assert.Contains("Full: you can join the waiting list", choose.QuerySelector("main")!.TextContent);
        await WalkToCheckAsync(client, session);
        var booked = await client.SubmitFormAsync($"/training/book/{session.Id}/check", new Dictionary<string, string>());
        var confirmation = await client.GetDocumentAsync(booked.Headers.Location!.ToString());

        Assert.Equal("You are on the waiting list", confirmation.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("You are number 1 on the waiting list", confirmation.QuerySelector(".govuk-panel")!.TextContent);
    }

    [Fact]
    public async Task A_refusal_is_shown_on_check_answers_with_its_message()
    {
        var session = await data.SessionAsync(change: s => s.AgencyPlaceLimit = 1);
        var (user, client) = await SignedInAsync();
        await data.BookAsync(session, await data.PersonAsync(user.AgencyId));
        await WalkToCheckAsync(client, session);

        var response = await client.SubmitFormAsync($"/training/book/{session.Id}/check", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("has reached its limit of 1 place on this session", page.QuerySelector(".govuk-error-summary")!.TextContent);
    }

    [Fact]
    public async Task Choosing_no_session_asks_to_select_one()
    {
        var session = await data.SessionAsync();
        var (_, client) = await SignedInAsync();

        var response = await client.SubmitFormAsync($"/training/{session.Course.Slug}/book", new Dictionary<string, string>());

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("Select a session", page.QuerySelector(".govuk-error-summary a")!.TextContent.Trim());
        Assert.StartsWith("Error:", page.Title);
    }

    [Fact]
    public async Task Session_needing_approval_asks_for_the_line_manager_and_checks_the_email()
    {
        var session = await data.SessionAsync(change: s => s.RequiresManagerApproval = true);
        var (_, client) = await SignedInAsync();
        await client.SubmitFormAsync($"/training/book/{session.Id}/your-details", new Dictionary<string, string>());

        var bad = await client.SubmitFormAsync($"/training/book/{session.Id}/line-manager", new Dictionary<string, string> { ["Input.Name"] = "Morgan", ["Input.Email"] = "not-an-email" });
        var page = await PortalClient.ParseAsync(bad);

        Assert.Contains("Enter an email address in the correct format", page.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal("Morgan", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input-Name")!).Value);
    }

    private static async Task WalkToCheckAsync(PortalClient client, TrainingSession session)
    {
        await client.SubmitFormAsync($"/training/book/{session.Id}/your-details", new Dictionary<string, string>());
        await client.SubmitFormAsync($"/training/book/{session.Id}/needs", new Dictionary<string, string>());
    }

    private Task<(PortalUser User, PortalClient Client)> SignedInAsync() => site.SignedInAsync("booker");
}
