namespace LearningPortal.Tests.Training.Bookings;

public class ApprovalTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly TrainingData data = new(site);

    [Fact]
    public async Task Booking_a_session_needing_approval_holds_the_place_and_emails_the_manager_a_link()
    {
        var session = await data.SessionAsync(change: s => s.RequiresManagerApproval = true);
        var person = await data.PersonAsync();
        var manager = TestEmail("manager");

        var result = await data.BookAsync(session, person, manager);

        Assert.Equal((BookingOutcome.AwaitingApproval, BookingStatus.PendingApproval), (result.Value!.Outcome, result.Value!.Status));
        Assert.Equal(1, (await data.ReloadAsync(session)).PlacesTaken);
        var request = Assert.Single(await data.EmailsToAsync(manager));
        Assert.Equal($"Approve a training booking for {person.DisplayName}", request.Subject);
        Assert.Contains(site.BaseAddress.ToString().TrimEnd('/') + "/training/approval/", request.TextBody);
        Assert.StartsWith("Waiting for your line manager's approval", Assert.Single(await data.EmailsToAsync(person.Email!)).Subject);
    }

    [Fact]
    public async Task Manager_approving_confirms_the_place_and_sends_the_invitation()
    {
        var session = await data.SessionAsync(change: s => s.RequiresManagerApproval = true);
        var person = await data.PersonAsync();
        var manager = TestEmail("manager");
        var booked = await data.BookAsync(session, person, manager);
        var token = TrainingData.ApprovalToken((await data.EmailsToAsync(manager)).Single());

        var result = await data.WithAsync<ManagerApproval, Outcome<int>>(a => a.DecideAsync(token, approve: true, null));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(BookingStatus.Confirmed, (await data.BookingAsync(booked.Value!.BookingId)).Status);
        var confirmation = (await data.EmailsToAsync(person.Email!)).Last();
        Assert.StartsWith("Booking confirmed", confirmation.Subject);
        Assert.Equal("invitation.ics", confirmation.AttachmentName);
    }

    [Fact]
    public async Task Approval_link_cannot_be_used_twice()
    {
        var session = await data.SessionAsync(change: s => s.RequiresManagerApproval = true);
        var manager = TestEmail("manager");
        await data.BookAsync(session, await data.PersonAsync(), manager);
        var token = TrainingData.ApprovalToken((await data.EmailsToAsync(manager)).Single());
        await data.WithAsync<ManagerApproval, Outcome<int>>(a => a.DecideAsync(token, approve: true, null));

        var again = await data.WithAsync<ManagerApproval, Outcome<int>>(a => a.DecideAsync(token, approve: false, null));

        Assert.True(again.RefusedBecause(TrainingRefusal.AlreadyEnded), again.ToString());
        Assert.Equal("You have already approved this booking", again.Message);
    }

    [Fact]
    public async Task Unknown_approval_token_is_refused()
    {
        var result = await data.WithAsync<ManagerApproval, Outcome<int>>(a => a.DecideAsync("not-a-real-token", approve: true, null));

        Assert.True(result.RefusedBecause(TrainingRefusal.NotFound), result.ToString());
        Assert.Equal("This approval link is not valid", result.Message);
    }

    [Fact]
    public async Task Manager_declining_frees_the_place_for_the_waiting_list()
    {
        var session = await data.SessionAsync(change: s => { s.RequiresManagerApproval = true; s.Capacity = 1; });
        var people = await data.PeopleAsync(2);
        var manager = TestEmail("manager");
        var otherManager = TestEmail("other-manager");
        var first = await data.BookAsync(session, people[0], manager);
        await data.BookAsync(session, people[1], otherManager);
        var token = TrainingData.ApprovalToken((await data.EmailsToAsync(manager)).Single());

        var result = await data.WithAsync<ManagerApproval, Outcome<int>>(a => a.DecideAsync(token, approve: false, "Team is short that week"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(BookingStatus.Declined, (await data.BookingAsync(first.Value!.BookingId)).Status);
        var declined = (await data.EmailsToAsync(people[0].Email!)).Last();
        Assert.Contains("Team is short that week", declined.TextBody);

        // The next person gets the place, and since the session needs approval, their manager is asked.
        Assert.Equal(BookingStatus.PendingApproval, (await data.BookingAsync(session, people[1])).Status);
        Assert.Single(await data.EmailsToAsync(otherManager));
        Assert.Equal(1, (await data.ReloadAsync(session)).PlacesTaken);
    }

    [Fact]
    public async Task Expired_request_frees_the_place_through_the_scheduled_sweep()
    {
        var session = await data.SessionAsync(change: s => { s.RequiresManagerApproval = true; s.Capacity = 1; });
        var people = await data.PeopleAsync(2);
        var manager = TestEmail("manager");
        var first = await data.BookAsync(session, people[0], manager);
        await data.BookAsync(session, people[1], TestEmail("manager2"));
        await site.WithDbAsync(db => db.ApprovalRequests.Where(a => a.BookingId == first.Value!.BookingId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ExpiresUtc, DateTime.UtcNow.AddMinutes(-1))));

        var run = await site.WithScopeAsync(sp => sp.GetRequiredService<TrainingJobs>().RunOnceAsync());

        Assert.Equal(1, run.ApprovalsExpired);
        Assert.Equal(BookingStatus.Expired, (await data.BookingAsync(first.Value!.BookingId)).Status);
        Assert.StartsWith("Booking request expired", (await data.EmailsToAsync(people[0].Email!)).Last().Subject);
        Assert.Equal(BookingStatus.PendingApproval, (await data.BookingAsync(session, people[1])).Status);

        // The manager's link no longer works.
        var token = TrainingData.ApprovalToken((await data.EmailsToAsync(manager)).Single());
        var late = await data.WithAsync<ManagerApproval, Outcome<int>>(a => a.DecideAsync(token, approve: true, null));
        Assert.Equal("This request has expired and the place has gone to someone else", late.Message);
    }

    private static string TestEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.org";
}
