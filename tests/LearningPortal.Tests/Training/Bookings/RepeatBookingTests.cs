namespace LearningPortal.Tests.Training.Bookings;

/// <summary>One active booking per course per person, and none once trained, unless the course allows repeats.</summary>
public class RepeatBookingTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly TrainingData data = new(site);

    [Fact]
    public async Task Second_session_of_the_same_course_is_refused_naming_the_existing_booking()
    {
        var course = await data.CourseAsync();
        var first = await data.SessionAsync(course);
        var second = await data.SessionAsync(course, s => Later(s, 7));
        var person = await data.PersonAsync();
        await data.BookAsync(first, person);

        var result = await data.BookAsync(second, person);

        Assert.True(result.RefusedBecause(TrainingRefusal.AlreadyBookedOnCourse), result.ToString());
        Assert.Contains($"You already have a place on {course.Title} on {SessionTimes.Describe(first)}", result.Message);
        Assert.Equal(0, (await data.ReloadAsync(second)).PlacesTaken);
    }

    [Fact]
    public async Task Waiting_list_place_counts_as_a_booking_on_the_course()
    {
        var course = await data.CourseAsync();
        var full = await data.SessionAsync(course, s => s.Capacity = 1);
        var other = await data.SessionAsync(course, s => Later(s, 7));
        var people = await data.PeopleAsync(2);
        await data.BookAsync(full, people[0]);
        Assert.Equal(BookingOutcome.Waitlisted, (await data.BookAsync(full, people[1])).Value!.Outcome);

        var result = await data.BookAsync(other, people[1]);

        Assert.True(result.RefusedBecause(TrainingRefusal.AlreadyBookedOnCourse), result.ToString());
        Assert.StartsWith("You are already on the waiting list for", result.Message);
    }

    [Fact]
    public async Task After_cancelling_the_person_can_book_another_session()
    {
        var course = await data.CourseAsync();
        var first = await data.SessionAsync(course);
        var second = await data.SessionAsync(course, s => Later(s, 7));
        var person = await data.PersonAsync();
        var booked = await data.BookAsync(first, person);
        await data.WithAsync<BookingService, Outcome<int>>(b => b.CancelAsync(booked.Value!.BookingId, new Actor(person.Id, person.DisplayName), asStaff: false));

        var result = await data.BookAsync(second, person);

        Assert.Equal(BookingOutcome.Confirmed, result.Value!.Outcome);
    }

    [Fact]
    public async Task Someone_already_trained_cannot_book_the_course_again()
    {
        var course = await data.CourseAsync();
        var past = await data.SessionAsync(course);
        var person = await data.PersonAsync();
        var booked = await data.BookAsync(past, person);
        await data.MoveIntoPastAsync(past, TimeSpan.FromDays(2));
        await data.WithAsync<SessionRegister, Outcome<int>>(r => r.RecordAsync(past.Id, [new AttendanceMark(booked.Value!.BookingId, AttendanceOutcome.Attended)], TrainingData.Staff));
        var next = await data.SessionAsync(course);

        var result = await data.BookAsync(next, person);

        Assert.True(result.RefusedBecause(TrainingRefusal.AlreadyTrained), result.ToString());
        Assert.StartsWith($"You have already attended {course.Title}", result.Message);
    }

    [Fact]
    public async Task A_course_that_allows_repeats_takes_several_bookings()
    {
        var course = await data.CourseAsync(c => c.AllowsRepeatBookings = true);
        var first = await data.SessionAsync(course);
        var second = await data.SessionAsync(course, s => Later(s, 7));
        var person = await data.PersonAsync();
        await data.BookAsync(first, person);

        var result = await data.BookAsync(second, person);

        Assert.Equal(BookingOutcome.Confirmed, result.Value!.Outcome);
    }

    [Fact]
    public async Task Two_sessions_of_one_course_booked_at_once_give_one_place()
    {
        var course = await data.CourseAsync();
        var sessions = new List<TrainingSession>();
        for (var i = 0; i < 4; i++)
        {
            sessions.Add(await data.SessionAsync(course, s => Later(s, i)));
        }

        var person = await data.PersonAsync();

        var results = await Task.WhenAll(sessions.Select(s => data.BookAsync(s, person)));

        Assert.Single(results, r => r.Succeeded);
    }

    [Fact]
    public async Task Check_answers_on_a_full_session_says_join_the_waiting_list()
    {
        var session = await data.SessionAsync(change: s => s.Capacity = 1);
        await data.BookAsync(session, await data.PersonAsync());
        using var client = await site.SignedInClientAsync("waiter");
        await client.SubmitFormAsync($"/training/book/{session.Id}/your-details", new Dictionary<string, string>());
        await client.SubmitFormAsync($"/training/book/{session.Id}/needs", new Dictionary<string, string>());

        var check = await client.GetDocumentAsync($"/training/book/{session.Id}/check");

        var button = check.QuerySelector("main form button")!.TextContent.Trim();
        Assert.Equal("Join the waiting list", button);
    }

    private static void Later(TrainingSession session, int days)
    {
        session.StartUtc = session.StartUtc.AddDays(days);
        session.EndUtc = session.EndUtc.AddDays(days);
    }
}
