using System.Text;

namespace LearningPortal.Tests.Training.Emails;

public class CalendarInvitationTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly TrainingData data = new(site);

    [Fact]
    public async Task Invitation_has_the_uk_time_zone_a_stable_uid_and_the_session_details()
    {
        // 1 July is in British Summer Time: 9:30am in London is 08:30 UTC.
        var year = DateTime.UtcNow.Year + 1;
        var session = await data.SessionAsync(change: s =>
        {
            s.StartUtc = new DateTime(year, 7, 1, 8, 30, 0, DateTimeKind.Utc);
            s.EndUtc = s.StartUtc.AddHours(3);
            s.BookingClosesUtc = s.StartUtc.AddDays(-1);
        });
        var person = await data.PersonAsync();
        var booked = await data.BookAsync(session, person);

        var email = Assert.Single(await data.EmailsToAsync(person.Email!));
        var ics = Encoding.UTF8.GetString(email.AttachmentContent!);
        var booking = await data.BookingAsync(booked.Value!.BookingId);

        Assert.Equal("text/calendar; method=REQUEST; charset=utf-8", email.AttachmentContentType);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London", ics);
        Assert.Contains("TZNAME:BST", ics);
        Assert.Contains($"DTSTART;TZID=Europe/London:{year}0701T093000", ics);
        Assert.Contains($"DTEND;TZID=Europe/London:{year}0701T123000", ics);
        Assert.Contains($"UID:{CalendarInvitation.UidFor(booking)}", ics);
        Assert.Contains("SEQUENCE:0", ics);
        Assert.Contains("LOCATION:Riverside Civic Centre\\, Room 2", ics);
        Assert.Contains("METHOD:REQUEST", ics);
        Assert.Contains($"SUMMARY:{session.Course.Title}", ics);
    }

    [Fact]
    public async Task Joining_link_goes_only_to_people_with_a_confirmed_place()
    {
        var session = await data.SessionAsync(change: s =>
        {
            s.Capacity = 1;
            s.Format = SessionFormat.Online;
            s.Venue = null;
            s.JoiningLink = "https://meet.example.org/neglect-123";
        });
        var people = await data.PeopleAsync(2);

        await data.BookAsync(session, people[0]);
        await data.BookAsync(session, people[1]);

        var confirmed = Assert.Single(await data.EmailsToAsync(people[0].Email!));
        var waiting = Assert.Single(await data.EmailsToAsync(people[1].Email!));
        Assert.Contains("https://meet.example.org/neglect-123", confirmed.TextBody);
        Assert.Contains("https://meet.example.org/neglect-123", Encoding.UTF8.GetString(confirmed.AttachmentContent!));
        Assert.DoesNotContain("meet.example.org", waiting.TextBody);
    }

    [Fact]
    public async Task Reminder_is_queued_exactly_once_even_when_the_job_runs_on_several_instances_at_once()
    {
        var session = await data.SessionAsync(change: s =>
        {
            s.StartUtc = DateTime.UtcNow.AddDays(2);
            s.EndUtc = s.StartUtc.AddHours(3);
            s.BookingClosesUtc = s.StartUtc.AddHours(-2);
        });
        var people = await data.PeopleAsync(3);
        foreach (var p in people)
        {
            await data.BookAsync(session, p);
        }

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            data.WithAsync<TrainingReminders, int>(r => r.SendSessionRemindersAsync()))));

        Assert.Equal(3, runs.Sum());
        foreach (var p in people)
        {
            Assert.Single(await data.EmailsToAsync(p.Email!), m => m.Subject.StartsWith("Reminder:", StringComparison.Ordinal));
        }
    }
}
