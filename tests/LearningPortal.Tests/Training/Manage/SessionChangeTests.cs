using System.Text;

namespace LearningPortal.Tests.Training.Manage;

public class SessionChangeTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly TrainingData data = new(site);

    [Fact]
    public async Task Editor_cannot_cut_capacity_below_the_places_booked()
    {
        var session = await data.SessionAsync(change: s => s.Capacity = 5);
        foreach (var p in await data.PeopleAsync(3))
        {
            await data.BookAsync(session, p);
        }

        var result = await Update(session, d => d with { Capacity = 2 });

        Assert.True(result.RefusedBecause(TrainingRefusal.CapacityBelowBooked), result.ToString());
        Assert.Equal("Capacity must be at least 3, the number of places already booked", result.Message);
        Assert.Equal(5, (await data.ReloadAsync(session)).Capacity);
    }

    [Fact]
    public async Task Raising_capacity_gives_the_new_places_to_the_waiting_list()
    {
        var session = await data.SessionAsync(change: s => s.Capacity = 1);
        var people = await data.PeopleAsync(3);
        foreach (var p in people)
        {
            await data.BookAsync(session, p);
        }

        var result = await Update(session, d => d with { Capacity = 2 });

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(BookingStatus.Confirmed, (await data.BookingAsync(session, people[1])).Status);
        Assert.Equal(BookingStatus.Waitlisted, (await data.BookingAsync(session, people[2])).Status);
    }

    [Fact]
    public async Task Changing_the_time_sends_an_updated_invitation_that_replaces_the_old_one()
    {
        var session = await data.SessionAsync();
        var person = await data.PersonAsync();
        await data.BookAsync(session, person);

        var result = await Update(session, d => d with { StartUtc = d.StartUtc.AddHours(1), EndUtc = d.EndUtc.AddHours(1) });

        Assert.True(result.Succeeded, result.Message);
        var emails = await data.EmailsToAsync(person.Email!);
        var original = Encoding.UTF8.GetString(emails[0].AttachmentContent!);
        var updated = Encoding.UTF8.GetString(emails[1].AttachmentContent!);
        Assert.StartsWith("Session changed", emails[1].Subject);
        Assert.Contains("METHOD:REQUEST", updated);
        Assert.Equal(Line(original, "UID:"), Line(updated, "UID:"));
        Assert.Equal("SEQUENCE:0", Line(original, "SEQUENCE:"));
        Assert.Equal("SEQUENCE:1", Line(updated, "SEQUENCE:"));
        Assert.NotEqual(Line(original, "DTSTART;TZID"), Line(updated, "DTSTART;TZID"));
    }

    [Fact]
    public async Task A_stale_form_cannot_overwrite_someone_elses_change()
    {
        var session = await data.SessionAsync();
        await Update(session, d => d with { Trainer = "First editor's trainer" });

        var result = await Update(session, d => d with { Trainer = "Second editor's trainer" }, expectedVersion: 1);

        Assert.True(result.RefusedBecause(TrainingRefusal.ChangedBySomeoneElse), result.ToString());
        Assert.Equal("First editor's trainer", (await data.ReloadAsync(session)).Trainer);
    }

    [Fact]
    public async Task Cancelling_a_session_sends_everyone_booked_a_cancellation_invitation()
    {
        var session = await data.SessionAsync(change: s => s.Capacity = 1);
        var people = await data.PeopleAsync(2);
        await data.BookAsync(session, people[0]);
        await data.BookAsync(session, people[1]);

        var result = await data.WithAsync<SessionAdministration, Outcome<int>>(s => s.CancelAsync(session.Id, "The trainer is unwell.", TrainingData.Staff));

        Assert.True(result.Succeeded, result.Message);
        var booked = (await data.EmailsToAsync(people[0].Email!)).Last();
        Assert.StartsWith("Session cancelled", booked.Subject);
        Assert.Contains("The trainer is unwell.", booked.TextBody);
        Assert.Contains("METHOD:CANCEL", Encoding.UTF8.GetString(booked.AttachmentContent!));
        var waiting = (await data.EmailsToAsync(people[1].Email!)).Last();
        Assert.StartsWith("Session cancelled", waiting.Subject);
        Assert.Null(waiting.AttachmentName);
        Assert.True((await data.ReloadAsync(session)).IsCancelled);
    }

    private async Task<Outcome<int>> Update(TrainingSession session, Func<SessionDetails, SessionDetails> change, int? expectedVersion = null)
    {
        var current = await data.ReloadAsync(session);
        var details = new SessionDetails(current.StartUtc, current.EndUtc, current.Format, current.Venue, current.JoiningLink, current.Capacity,
            current.BookingOpensUtc, current.BookingClosesUtc, current.Trainer, current.AgencyPlaceLimit, current.RequiresManagerApproval);
        return await data.WithAsync<SessionAdministration, Outcome<int>>(s => s.UpdateAsync(session.Id, expectedVersion ?? current.Version, change(details), TrainingData.Staff));
    }

    private static string Line(string ics, string prefix) =>
        ics.Split("\r\n").Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
}
