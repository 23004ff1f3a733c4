namespace LearningPortal.Tests.Training.Bookings;

public class BookingRefusalTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly TrainingData data = new(site);

    [Fact]
    public async Task Booking_before_booking_opens_is_refused_with_the_opening_date()
    {
        var session = await data.SessionAsync(change: s => s.BookingOpensUtc = new DateTime(DateTime.UtcNow.Year + 1, 1, 4, 9, 0, 0, DateTimeKind.Utc));
        session.StartUtc = session.BookingOpensUtc.AddDays(20);

        var result = await data.BookAsync(await Move(session), await data.PersonAsync());

        Assert.True(result.RefusedBecause(TrainingRefusal.NotYetOpen), result.ToString());
        Assert.Equal($"Booking for this session opens on 4 January {DateTime.UtcNow.Year + 1} at 9am", result.Message);
    }

    [Fact]
    public async Task Booking_after_booking_closes_is_refused_with_the_closing_date()
    {
        var session = await data.SessionAsync(change: s => s.BookingClosesUtc = DateTime.UtcNow.AddMinutes(-5));

        var result = await data.BookAsync(session, await data.PersonAsync());

        Assert.True(result.RefusedBecause(TrainingRefusal.Closed), result.ToString());
        Assert.StartsWith("Booking for this session closed on ", result.Message);
    }

    [Fact]
    public async Task Booking_a_session_in_the_past_is_refused()
    {
        var session = await data.SessionAsync();
        await data.MoveIntoPastAsync(session, TimeSpan.FromDays(1));

        var result = await data.BookAsync(session, await data.PersonAsync());

        Assert.True(result.RefusedBecause(TrainingRefusal.SessionInPast), result.ToString());
        Assert.Equal("This session has already taken place", result.Message);
    }

    [Fact]
    public async Task Booking_a_cancelled_session_is_refused()
    {
        var session = await data.SessionAsync();
        await data.WithAsync<SessionAdministration, Outcome<int>>(s => s.CancelAsync(session.Id, "Trainer unwell", TrainingData.Staff));

        var result = await data.BookAsync(session, await data.PersonAsync());

        Assert.True(result.RefusedBecause(TrainingRefusal.SessionCancelled), result.ToString());
        Assert.Equal("This session has been cancelled", result.Message);
    }

    [Fact]
    public async Task Booking_without_the_prerequisite_is_refused_and_allowed_once_it_is_attended()
    {
        var basics = await data.CourseAsync(c => c.Title = "Neglect basics " + Guid.NewGuid().ToString("N")[..4]);
        var advanced = await data.CourseAsync(c => { c.Title = "GCP2 " + Guid.NewGuid().ToString("N")[..4]; c.PrerequisiteCourseId = basics.Id; });
        var advancedSession = await data.SessionAsync(advanced);
        var person = await data.PersonAsync();

        var refused = await data.BookAsync(advancedSession, person);

        Assert.True(refused.RefusedBecause(TrainingRefusal.PrerequisiteNotMet), refused.ToString());
        Assert.Equal($"You need to attend {basics.Title} before you can book {advanced.Title}", refused.Message);

        var basicsSession = await data.SessionAsync(basics);
        var basicsBooking = await data.BookAsync(basicsSession, person);
        await data.MoveIntoPastAsync(basicsSession, TimeSpan.FromDays(3));
        await data.WithAsync<SessionRegister, Outcome<int>>(r => r.RecordAsync(basicsSession.Id, [new AttendanceMark(basicsBooking.Value!.BookingId, AttendanceOutcome.Attended)], TrainingData.Staff));

        var allowed = await data.BookAsync(advancedSession, person);

        Assert.Equal(BookingOutcome.Confirmed, allowed.Value!.Outcome);
    }

    [Fact]
    public async Task Booking_beyond_the_agency_limit_is_refused_naming_the_agency()
    {
        var agencies = await data.AgencyIdsAsync();
        var session = await data.SessionAsync(change: s => s.AgencyPlaceLimit = 2);
        var sameAgency = await data.PeopleAsync(3, agencies[0]);
        var otherAgency = await data.PersonAsync(agencies[1]);
        await data.BookAsync(session, sameAgency[0]);
        await data.BookAsync(session, sameAgency[1]);

        var refused = await data.BookAsync(session, sameAgency[2]);
        var other = await data.BookAsync(session, otherAgency);

        var agencyName = await site.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<PortalDbContext>().Agencies.Single(a => a.Id == agencies[0]).Name));
        Assert.True(refused.RefusedBecause(TrainingRefusal.AgencyLimitReached), refused.ToString());
        Assert.Equal($"{agencyName} has reached its limit of 2 places on this session", refused.Message);
        Assert.Equal(BookingOutcome.Confirmed, other.Value!.Outcome);
    }

    [Fact]
    public async Task Booking_a_session_needing_approval_without_a_line_manager_is_refused()
    {
        var session = await data.SessionAsync(change: s => s.RequiresManagerApproval = true);

        var result = await data.BookAsync(session, await data.PersonAsync());

        Assert.True(result.RefusedBecause(TrainingRefusal.LineManagerRequired), result.ToString());
        Assert.Equal("Enter your line manager's name and email address: this course needs their approval", result.Message);
    }

    [Fact]
    public async Task Booking_a_session_that_does_not_exist_is_refused()
    {
        var person = await data.PersonAsync();

        var result = await data.WithAsync<BookingService, Outcome<BookedPlace>>(s => s.BookAsync(new BookingRequest(int.MaxValue, person.Id, "A", person.AgencyId, "B")));

        Assert.True(result.RefusedBecause(TrainingRefusal.NotFound), result.ToString());
        Assert.Equal("This session does not exist", result.Message);
    }

    private async Task<TrainingSession> Move(TrainingSession session)
    {
        await site.WithDbAsync(async db =>
        {
            var s = await db.TrainingSessions.FindAsync(session.Id);
            s!.StartUtc = session.StartUtc;
            s.EndUtc = session.StartUtc.AddHours(3);
            s.BookingClosesUtc = session.StartUtc.AddDays(-1);
            await db.SaveChangesAsync();
        });
        return session;
    }
}
