namespace LearningPortal.Tests.Training.Register;

/// <summary>The register opens at the start; certificates and evaluations wait for the end.</summary>
public class AttendanceFollowUpTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly TrainingData data = new(site);

    [Fact]
    public async Task Marking_during_the_session_sends_nothing_until_it_ends_then_thanks_once()
    {
        var session = await data.SessionAsync();
        var person = await data.PersonAsync();
        var booked = await data.BookAsync(session, person);
        await data.MoveIntoPastAsync(session, TimeSpan.FromHours(1));

        var marked = await data.WithAsync<SessionRegister, Outcome<int>>(r =>
            r.RecordAsync(session.Id, [new AttendanceMark(booked.Value!.BookingId, AttendanceOutcome.Attended)], TrainingData.Staff));
        var early = await site.WithScopeAsync(sp => sp.GetRequiredService<AttendanceFollowUp>().SendDueAsync());

        Assert.True(marked.Succeeded, marked.Message);
        Assert.Equal(0, early);
        Assert.DoesNotContain(await data.EmailsToAsync(person.Email!), m => m.Subject.StartsWith("Thank you", StringComparison.Ordinal));
        Assert.DoesNotContain(site.Notifications.OfType<SessionAttended>(), a => a.SessionId == session.Id);

        await data.MoveIntoPastAsync(session, TimeSpan.FromHours(4));
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => site.WithScopeAsync(sp => sp.GetRequiredService<AttendanceFollowUp>().SendDueAsync()))));

        Assert.Equal(1, runs.Sum());
        var thanks = (await data.EmailsToAsync(person.Email!)).Where(m => m.Subject.StartsWith("Thank you", StringComparison.Ordinal)).ToList();
        Assert.Single(thanks);
        Assert.Contains($"/training/my/{booked.Value!.BookingId}/certificate", thanks[0].TextBody);
        Assert.Single(site.Notifications.OfType<SessionAttended>(), a => a.SessionId == session.Id);
    }

    [Fact]
    public async Task During_the_session_my_training_shows_it_once_under_booked_and_the_certificate_waits()
    {
        var email = TestUsers.UniqueEmail("attendee");
        var user = await site.CreateUserAsync(email);
        var session = await data.SessionAsync();
        var booked = await data.BookAsync(session, user);
        await data.MoveIntoPastAsync(session, TimeSpan.FromHours(1));
        await data.WithAsync<SessionRegister, Outcome<int>>(r =>
            r.RecordAsync(session.Id, [new AttendanceMark(booked.Value!.BookingId, AttendanceOutcome.Attended)], TrainingData.Staff));
        using var client = site.CreatePortalClient();
        await client.SignInAsync(email);

        var during = await client.GetDocumentAsync("/training/my");
        var certificateDuring = await client.GetAsync($"/training/my/{booked.Value!.BookingId}/certificate");

        Assert.Single(during.QuerySelectorAll("main table"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, certificateDuring.StatusCode);

        await data.MoveIntoPastAsync(session, TimeSpan.FromHours(4));
        var after = await client.GetDocumentAsync("/training/my");
        var certificateAfter = await client.GetAsync($"/training/my/{booked.Value!.BookingId}/certificate");

        Assert.Single(after.QuerySelectorAll("main table"));
        Assert.NotNull(after.QuerySelector($"a[href='/training/my/{booked.Value!.BookingId}/certificate']"));
        Assert.Equal(System.Net.HttpStatusCode.OK, certificateAfter.StatusCode);
    }
}
