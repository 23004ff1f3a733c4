namespace LearningPortal.Tests.Training.Pages;

public class MyTrainingPageTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly TrainingData data = new(site);

    [Fact]
    public async Task My_training_shows_places_approvals_pending_and_waiting_list_positions()
    {
        var (user, client) = await SignedInAsync();
        var booked = await data.SessionAsync();
        var approval = await data.SessionAsync(change: s => s.RequiresManagerApproval = true);
        var full = await data.SessionAsync(change: s => s.Capacity = 1);
        await data.BookAsync(full, await data.PersonAsync());
        await data.BookAsync(full, await data.PersonAsync());
        await data.BookAsync(booked, user);
        await data.BookAsync(approval, user, "manager@example.org");
        await data.BookAsync(full, user);

        var page = await client.GetDocumentAsync("/training/my");
        var text = page.QuerySelector("main")!.TextContent;

        Assert.Contains(booked.Course.Title, text);
        Assert.Contains("Waiting for your line manager's approval", text);
        Assert.Contains("On a waiting list", text);
        Assert.Contains("Number 2", text);
    }

    [Fact]
    public async Task Joining_link_is_shown_only_with_a_confirmed_place()
    {
        var session = await data.SessionAsync(change: s =>
        {
            s.Capacity = 1;
            s.Format = SessionFormat.Online;
            s.Venue = null;
            s.JoiningLink = "https://meet.example.org/secret-room";
        });
        var (confirmedUser, confirmedClient) = await SignedInAsync();
        var (waitingUser, waitingClient) = await SignedInAsync();
        var confirmed = await data.BookAsync(session, confirmedUser);
        var waiting = await data.BookAsync(session, waitingUser);

        var confirmedPage = await confirmedClient.GetDocumentAsync($"/training/my/{confirmed.Value!.BookingId}");
        var waitingPage = await waitingClient.GetDocumentAsync($"/training/my/{waiting.Value!.BookingId}");
        using var anonymous = site.CreatePortalClient();
        var publicPage = await anonymous.GetDocumentAsync($"/training/{session.Course.Slug}");

        Assert.Contains("https://meet.example.org/secret-room", confirmedPage.QuerySelector("main")!.InnerHtml);
        Assert.DoesNotContain("secret-room", waitingPage.QuerySelector("main")!.InnerHtml);
        Assert.DoesNotContain("secret-room", publicPage.DocumentElement.OuterHtml);
        Assert.Equal(HttpStatusCode.NotFound, (await waitingClient.GetAsync($"/training/my/{confirmed.Value!.BookingId}")).StatusCode);
    }

    [Fact]
    public async Task Cancelling_from_my_training_frees_the_place_and_says_so()
    {
        var session = await data.SessionAsync(change: s => s.Capacity = 1);
        var (user, client) = await SignedInAsync();
        var booked = await data.BookAsync(session, user);
        var next = await data.PersonAsync();
        await data.BookAsync(session, next);

        var response = await client.SubmitFormAsync($"/training/my/{booked.Value!.BookingId}/cancel", new Dictionary<string, string>());

        Assert.Equal("/training/my", response.Headers.Location!.ToString());
        var page = await client.GetDocumentAsync("/training/my");
        Assert.Contains($"Your booking for {session.Course.Title} has been cancelled", page.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Equal(BookingStatus.Confirmed, (await data.BookingAsync(session, next)).Status);
    }

    [Fact]
    public async Task After_the_cut_off_my_training_offers_no_cancel_button_and_refuses_a_post()
    {
        var session = await data.SessionAsync(change: s =>
        {
            s.StartUtc = DateTime.UtcNow.AddHours(30);
            s.EndUtc = s.StartUtc.AddHours(3);
            s.BookingClosesUtc = s.StartUtc.AddHours(-1);
        });
        var (user, client) = await SignedInAsync();
        var booked = await data.BookAsync(session, user);

        var page = await client.GetDocumentAsync($"/training/my/{booked.Value!.BookingId}");
        var post = await client.SubmitFormAsync($"/training/my/{booked.Value!.BookingId}/cancel", new Dictionary<string, string>());

        Assert.Null(page.QuerySelector($"a[href='/training/my/{booked.Value!.BookingId}/cancel']"));
        Assert.Contains("It is too late to cancel online", page.QuerySelector("main")!.TextContent);
        Assert.Contains("You can no longer cancel this place online", (await PortalClient.ParseAsync(post)).QuerySelector(".govuk-error-summary")!.TextContent);
    }

    [Fact]
    public async Task Line_manager_approves_through_the_link_without_an_account()
    {
        var session = await data.SessionAsync(change: s => s.RequiresManagerApproval = true);
        var person = await data.PersonAsync();
        var manager = $"manager-{Guid.NewGuid():N}@example.org";
        var booked = await data.BookAsync(session, person, manager);
        var token = TrainingData.ApprovalToken((await data.EmailsToAsync(manager)).Single());
        using var anonymous = site.CreatePortalClient();

        var page = await anonymous.GetDocumentAsync($"/training/approval/{token}");
        Assert.Contains(person.DisplayName, page.QuerySelector("main")!.TextContent);
        var missing = await anonymous.SubmitFormAsync(page, $"/training/approval/{token}", new Dictionary<string, string>());
        Assert.Contains("Select whether you approve the booking", (await PortalClient.ParseAsync(missing)).QuerySelector(".govuk-error-summary")!.TextContent);
        var answered = await anonymous.SubmitFormAsync($"/training/approval/{token}", new Dictionary<string, string> { ["Decision"] = "approve" });

        Assert.Contains("You have approved", (await PortalClient.ParseAsync(answered)).QuerySelector("h1")!.TextContent);
        Assert.Equal(BookingStatus.Confirmed, (await data.BookingAsync(booked.Value!.BookingId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/training/approval/wrong-token")).StatusCode);
    }

    [Fact]
    public async Task Line_manager_declines_with_a_reason_through_the_link()
    {
        var session = await data.SessionAsync(change: s => s.RequiresManagerApproval = true);
        var person = await data.PersonAsync();
        var manager = $"manager-{Guid.NewGuid():N}@example.org";
        var booked = await data.BookAsync(session, person, manager);
        var token = TrainingData.ApprovalToken((await data.EmailsToAsync(manager)).Single());
        using var anonymous = site.CreatePortalClient();

        await anonymous.SubmitFormAsync($"/training/approval/{token}", new Dictionary<string, string> { ["Decision"] = "decline", ["Reason"] = "Already trained" });

        Assert.Equal(BookingStatus.Declined, (await data.BookingAsync(booked.Value!.BookingId)).Status);
        Assert.Contains("Already trained", (await data.EmailsToAsync(person.Email!)).Last().TextBody);
    }

    private Task<(PortalUser User, PortalClient Client)> SignedInAsync() => site.SignedInAsync("me");
}
