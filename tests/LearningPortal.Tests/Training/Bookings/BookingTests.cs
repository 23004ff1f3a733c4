using System.Text;

namespace LearningPortal.Tests.Training.Bookings;

public class BookingTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly TrainingData data = new(site);

    [Fact]
    public async Task Booking_a_session_with_places_confirms_it_and_queues_an_email_with_an_invitation()
    {
        var session = await data.SessionAsync();
        var person = await data.PersonAsync();

        var result = await data.BookAsync(session, person);

        Assert.Equal(BookingOutcome.Confirmed, result.Value!.Outcome);
        Assert.Equal(BookingStatus.Confirmed, result.Value!.Status);
        var email = Assert.Single(await data.EmailsToAsync(person.Email!));
        Assert.StartsWith("Booking confirmed:", email.Subject);
        Assert.Equal("invitation.ics", email.AttachmentName);
        Assert.Contains("METHOD:REQUEST", Encoding.UTF8.GetString(email.AttachmentContent!));
        Assert.Equal(1, (await data.ReloadAsync(session)).PlacesTaken);
    }

    [Fact]
    public async Task Booking_when_session_full_joins_waitlist_with_position()
    {
        var session = await data.SessionAsync(change: s => s.Capacity = 1);
        var people = await data.PeopleAsync(3);

        var first = await data.BookAsync(session, people[0]);
        var second = await data.BookAsync(session, people[1]);
        var third = await data.BookAsync(session, people[2]);

        Assert.Equal(BookingOutcome.Confirmed, first.Value!.Outcome);
        Assert.Equal((BookingOutcome.Waitlisted, 1), (second.Value!.Outcome, second.Value!.WaitlistPosition));
        Assert.Equal((BookingOutcome.Waitlisted, 2), (third.Value!.Outcome, third.Value!.WaitlistPosition));
        var email = Assert.Single(await data.EmailsToAsync(people[2].Email!));
        Assert.Contains("You are number 2", email.TextBody);
        Assert.Null(email.AttachmentName);
    }

    [Fact]
    public async Task A_new_bookings_email_links_to_it_and_a_deleted_bookings_id_is_never_given_again()
    {
        // A new booking is given its id before its one save (BookingIds), so its email's link must carry the id it was saved with.
        var session = await data.SessionAsync();
        var people = await data.PeopleAsync(2);
        var first = (await data.BookAsync(session, people[0])).Value!;
        Assert.Equal(first.BookingId, await LinkedBookingIdAsync(people[0]));

        // Deleted outright (as a restore or a hand repair might): its id is not given to the next booking.
        Assert.Equal(1, await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Bookings.Where(b => b.Id == first.BookingId).ExecuteDeleteAsync()));
        var second = (await data.BookAsync(session, people[1])).Value!;

        Assert.True(second.BookingId > first.BookingId, $"The deleted booking's id {first.BookingId} was given again ({second.BookingId}).");
        Assert.Equal(second.BookingId, await LinkedBookingIdAsync(people[1]));
        Assert.True(await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ImpactBookings.AnyAsync(c => c.BookingId == second.BookingId)),
            "Impact's copy of the booking was not written with it.");

        async Task<int> LinkedBookingIdAsync(PortalUser person)
        {
            var email = Assert.Single(await data.EmailsToAsync(person.Email!));
            return int.Parse(System.Text.RegularExpressions.Regex.Match(email.TextBody, @"/training/my/(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [Fact]
    public async Task Booking_twice_at_once_books_once()
    {
        var session = await data.SessionAsync();
        var person = await data.PersonAsync();

        // A double click (or two tabs): the same request five times at once.
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => data.BookAsync(session, person))));

        Assert.Single(results, r => r.Value!.Outcome == BookingOutcome.Confirmed);
        Assert.Equal(4, results.Count(r => r.Value!.Outcome == BookingOutcome.AlreadyBooked));
        Assert.Single(results.Select(r => r.Value!.BookingId).Distinct());
        Assert.Single(await data.EmailsToAsync(person.Email!));
        Assert.Equal(1, (await data.ReloadAsync(session)).PlacesTaken);
    }

    [Fact]
    public async Task Booking_again_after_a_double_click_shows_the_same_booking()
    {
        var session = await data.SessionAsync(change: s => s.Capacity = 1);
        var people = await data.PeopleAsync(2);
        await data.BookAsync(session, people[0]);
        var waiting = await data.BookAsync(session, people[1]);

        var again = await data.BookAsync(session, people[1]);

        Assert.Equal(BookingOutcome.AlreadyBooked, again.Value!.Outcome);
        Assert.Equal((waiting.Value!.BookingId, BookingStatus.Waitlisted, 1), (again.Value!.BookingId, again.Value!.Status, again.Value!.WaitlistPosition));
    }

    [Fact]
    public async Task Concurrent_bookings_fill_exactly_the_capacity_and_queue_the_rest_in_arrival_order()
    {
        const int attempts = 100, places = 10;
        var session = await data.SessionAsync(change: s => s.Capacity = places);
        var people = await data.PeopleAsync(attempts, prefix: "crowd");

        var results = await Task.WhenAll(people.Select(p => Task.Run(() => data.BookAsync(session, p))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        Assert.Equal(places, results.Count(r => r.Value!.Outcome == BookingOutcome.Confirmed));
        Assert.Equal(attempts - places, results.Count(r => r.Value!.Outcome == BookingOutcome.Waitlisted));
        var bookings = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Bookings.AsNoTracking()
            .Where(b => b.SessionId == session.Id).ToListAsync());
        Assert.Equal(attempts, bookings.Count);
        Assert.Equal(attempts, bookings.Select(b => b.UserId).Distinct().Count());

        // Arrival numbers 1..N with no gaps: the first ten to arrive hold the places, and everyone else's
        // waiting-list position (told to them when they booked) is their arrival after the tenth.
        Assert.Equal(Enumerable.Range(1, attempts), bookings.Select(b => b.QueueNumber).Order());
        Assert.All(bookings, b => Assert.Equal(b.QueueNumber <= places ? BookingStatus.Confirmed : BookingStatus.Waitlisted, b.Status));
        var byId = bookings.ToDictionary(b => b.Id);
        Assert.All(results.Where(r => r.Value!.Outcome == BookingOutcome.Waitlisted),
            r => Assert.Equal(byId[r.Value!.BookingId].QueueNumber - places, r.Value!.WaitlistPosition));
        Assert.Equal(places, (await data.ReloadAsync(session)).PlacesTaken);
    }

    [Fact]
    public async Task After_a_booking_storm_and_cancellations_Impacts_copies_equal_the_bookings_exactly()
    {
        const int attempts = 60, places = 10;
        var session = await data.SessionAsync(change: s => s.Capacity = places);
        var people = await data.PeopleAsync(attempts, prefix: "copied");

        var stored = await data.ReloadAsync(session);
        async Task CopiesEqualBookingsAsync()
        {
            var (bookings, copies) = await site.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<PortalDbContext>();
                return (await db.Bookings.AsNoTracking().Where(b => b.SessionId == session.Id).OrderBy(b => b.Id).ToListAsync(),
                    await db.ImpactBookings.AsNoTracking().Where(c => c.SessionId == session.Id).OrderBy(c => c.BookingId).ToListAsync());
            });
            Assert.Equal(attempts, bookings.Count);
            Assert.Equal(places, bookings.Count(b => b.HoldsPlace));
            Assert.Equal(
                bookings.Select(b => (b.Id, b.UserId, b.AgencyId, b.HoldsPlace, stored.CourseId, stored.Course.Title, stored.StartUtc, (Core.Impact.AttendanceResult?)null)),
                copies.Select(c => (c.BookingId, c.UserId, c.AgencyId, c.HoldsPlace, c.CourseId, c.CourseTitle, c.StartUtc, c.Attendance)));
        }

        // New bookings are copied from the change tracker in their own save.
        var results = await Task.WhenAll(people.Select(p => Task.Run(() => data.BookAsync(session, p))));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        await CopiesEqualBookingsAsync();

        // Cancelling (and the places it gives to the waiting list) and booking again after cancelling copy the whole session.
        var confirmed = Enumerable.Range(0, attempts).Where(i => results[i].Value!.Outcome == BookingOutcome.Confirmed).Take(3);
        var waiting = Enumerable.Range(0, attempts).Where(i => results[i].Value!.Outcome == BookingOutcome.Waitlisted).TakeLast(2);
        var cancelling = confirmed.Concat(waiting).ToList();
        var cancelled = await Task.WhenAll(cancelling.Select(i => Task.Run(() =>
            data.WithAsync<BookingService, Outcome<int>>(s => s.CancelAsync(results[i].Value!.BookingId, TrainingData.Staff, asStaff: true)))));
        Assert.All(cancelled, c => Assert.True(c.Succeeded, c.Message));
        Assert.Equal(BookingOutcome.Waitlisted, (await data.BookAsync(session, people[cancelling[^1]])).Value!.Outcome);
        await CopiesEqualBookingsAsync();
    }

    [Fact]
    public async Task A_new_session_is_published_to_subscribers()
    {
        var course = await data.CourseAsync();
        var start = DateTime.UtcNow.AddDays(30);

        var result = await data.WithAsync<SessionAdministration, Outcome<int>>(s => s.CreateAsync(course.Id,
            new SessionDetails(start, start.AddHours(3), SessionFormat.Online, null, "https://meet.example.org/abc", 12, DateTime.UtcNow, start.AddDays(-1), "Sam Trainer", null, false),
            TrainingData.Staff));

        Assert.True(result.Succeeded);
        Assert.Contains(site.Notifications, n => n is SessionPublished p && p.SessionId == result.Value && p.CourseId == course.Id);
    }
}
