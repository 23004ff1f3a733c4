using System.Text;

namespace LearningPortal.Tests.Training.Bookings;

public class CancellationTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly TrainingData data = new(site);

    [Fact]
    public async Task Cancelling_a_place_gives_it_to_the_first_on_the_waiting_list_and_emails_them()
    {
        var session = await data.SessionAsync(change: s => s.Capacity = 1);
        var people = await data.PeopleAsync(3);
        var booked = await data.BookAsync(session, people[0]);
        await data.BookAsync(session, people[1]);
        await data.BookAsync(session, people[2]);

        var result = await Cancel(booked.Value!.BookingId, people[0].Id);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(BookingStatus.Confirmed, (await data.BookingAsync(session, people[1])).Status);
        Assert.Equal(BookingStatus.Waitlisted, (await data.BookingAsync(session, people[2])).Status);
        Assert.Equal(1, (await data.ReloadAsync(session)).PlacesTaken);
        var promoted = (await data.EmailsToAsync(people[1].Email!)).Last();
        Assert.StartsWith("You have a place from the waiting list", promoted.Subject);
        Assert.Equal("invitation.ics", promoted.AttachmentName);

        // Through the real SMTP server too.
        var delivered = await site.Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == people[1].Email) && m.Subject?.StartsWith("You have a place", StringComparison.Ordinal) == true);
        Assert.Contains(delivered.Attachments, a => a.ContentType.MimeType == "text/calendar");
    }

    [Fact]
    public async Task Waiting_list_is_first_come_first_served_across_several_cancellations()
    {
        var session = await data.SessionAsync(change: s => s.Capacity = 2);
        var people = await data.PeopleAsync(6);
        var results = new List<Outcome<BookedPlace>>();
        foreach (var p in people)
        {
            results.Add(await data.BookAsync(session, p));
        }

        await Cancel(results[1].Value!.BookingId, people[1].Id);
        await Cancel(results[3].Value!.BookingId, people[3].Id); // the first waiting person leaves the list
        await Cancel(results[0].Value!.BookingId, people[0].Id);

        // people[2] got the first freed place; people[3] left; so people[4] gets the next, and people[5] waits as number 1.
        Assert.Equal(BookingStatus.Confirmed, (await data.BookingAsync(session, people[2])).Status);
        Assert.Equal(BookingStatus.Cancelled, (await data.BookingAsync(session, people[3])).Status);
        Assert.Equal(BookingStatus.Confirmed, (await data.BookingAsync(session, people[4])).Status);
        var last = await data.BookAsync(session, people[5]);
        Assert.Equal((BookingOutcome.AlreadyBooked, 1), (last.Value!.Outcome, last.Value!.WaitlistPosition));
    }

    [Fact]
    public async Task Cancelling_a_place_sends_a_calendar_cancellation_for_the_same_event()
    {
        var session = await data.SessionAsync();
        var person = await data.PersonAsync();
        var booked = await data.BookAsync(session, person);

        await Cancel(booked.Value!.BookingId, person.Id);

        var emails = await data.EmailsToAsync(person.Email!);
        var invitation = Encoding.UTF8.GetString(emails[0].AttachmentContent!);
        var cancellation = Encoding.UTF8.GetString(emails[1].AttachmentContent!);
        Assert.Equal("cancellation.ics", emails[1].AttachmentName);
        Assert.Contains("METHOD:CANCEL", cancellation);
        Assert.Contains("STATUS:CANCELLED", cancellation);
        Assert.Equal(Line(invitation, "UID:"), Line(cancellation, "UID:"));
        Assert.Equal("SEQUENCE:1", Line(cancellation, "SEQUENCE:"));
    }

    [Fact]
    public async Task Cancelling_after_the_cut_off_is_refused_for_the_practitioner()
    {
        var (person, booked) = await BookedPastCutOffAsync();

        var result = await Cancel(booked.Value!.BookingId, person.Id);

        Assert.True(result.RefusedBecause(TrainingRefusal.PastCancellationCutOff), result.ToString());
        Assert.StartsWith("You can no longer cancel this place online because the cut-off was ", result.Message);
        Assert.Equal(BookingStatus.Confirmed, (await data.BookingAsync(booked.Value!.BookingId)).Status);
    }

    [Fact]
    public async Task Staff_can_cancel_after_the_cut_off_and_the_cancellation_is_marked_late()
    {
        var (person, booked) = await BookedPastCutOffAsync();

        var result = await data.WithAsync<BookingService, Outcome<int>>(s => s.CancelAsync(booked.Value!.BookingId, TrainingData.Staff, asStaff: true));

        Assert.True(result.Succeeded, result.Message);
        var booking = await data.BookingAsync(booked.Value!.BookingId);
        Assert.Equal((BookingStatus.Cancelled, true), (booking.Status, booking.CancelledLate));
    }

    [Fact]
    public async Task Someone_else_cannot_cancel_a_booking()
    {
        var session = await data.SessionAsync();
        var people = await data.PeopleAsync(2);
        var booked = await data.BookAsync(session, people[0]);

        var result = await Cancel(booked.Value!.BookingId, people[1].Id);

        Assert.True(result.RefusedBecause(TrainingRefusal.NotFound), result.ToString());
        Assert.Equal(BookingStatus.Confirmed, (await data.BookingAsync(booked.Value!.BookingId)).Status);
    }

    [Fact]
    public async Task Leaving_the_waiting_list_frees_no_place_and_moves_others_up()
    {
        var session = await data.SessionAsync(change: s => s.Capacity = 1);
        var people = await data.PeopleAsync(3);
        await data.BookAsync(session, people[0]);
        var waiting = await data.BookAsync(session, people[1]);
        await data.BookAsync(session, people[2]);

        await Cancel(waiting.Value!.BookingId, people[1].Id);

        var third = await data.BookAsync(session, people[2]);
        Assert.Equal((BookingStatus.Waitlisted, 1), (third.Value!.Status, third.Value!.WaitlistPosition));
        Assert.Equal(1, (await data.ReloadAsync(session)).PlacesTaken);
        Assert.Contains(await data.EmailsToAsync(people[1].Email!), m => m.Subject.StartsWith("Booking cancelled", StringComparison.Ordinal) && m.AttachmentName is null);
    }

    /// <summary>A person's place on a session that starts tomorrow, too soon for them to cancel it online.</summary>
    private async Task<(PortalUser Person, Outcome<BookedPlace> Booked)> BookedPastCutOffAsync()
    {
        var session = await data.SessionAsync(change: s =>
        {
            s.StartUtc = DateTime.UtcNow.AddDays(1);
            s.EndUtc = s.StartUtc.AddHours(3);
            s.BookingClosesUtc = s.StartUtc.AddHours(-1);
        });
        var person = await data.PersonAsync();
        return (person, await data.BookAsync(session, person));
    }

    private Task<Outcome<int>> Cancel(int bookingId, string userId) =>
        data.WithAsync<BookingService, Outcome<int>>(s => s.CancelAsync(bookingId, new Actor(userId, "Person"), asStaff: false));

    private static string Line(string ics, string prefix) =>
        ics.Split("\r\n").Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
}
