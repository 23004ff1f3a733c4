namespace LearningPortal.Tests.Training.Register;

public class RegisterTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly TrainingData data = new(site);

    [Fact]
    public async Task Register_cannot_be_marked_before_the_session_starts()
    {
        var session = await data.SessionAsync();
        var booked = await data.BookAsync(session, await data.PersonAsync());

        var result = await Mark(session, new AttendanceMark(booked.Value!.BookingId, AttendanceOutcome.Attended));

        Assert.True(result.RefusedBecause(TrainingRefusal.RegisterNotYetOpen), result.ToString());
        Assert.StartsWith("You can mark the register once the session has started", result.Message);
    }

    [Fact]
    public async Task Marking_attended_records_it_thanks_the_attendee_once_and_publishes_the_attendance()
    {
        var session = await data.SessionAsync();
        var people = await data.PeopleAsync(3);
        var bookings = new List<int>();
        foreach (var p in people)
        {
            bookings.Add((await data.BookAsync(session, p)).Value!.BookingId);
        }

        await data.MoveIntoPastAsync(session, TimeSpan.FromHours(4));

        var result = await Mark(session,
            new AttendanceMark(bookings[0], AttendanceOutcome.Attended),
            new AttendanceMark(bookings[1], AttendanceOutcome.PartlyAttended, Notes: "Left at the break"),
            new AttendanceMark(bookings[2], AttendanceOutcome.DidNotAttend, SubstituteName: "Alex Colleague"));
        await Mark(session, new AttendanceMark(bookings[0], AttendanceOutcome.Attended));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(AttendanceOutcome.Attended, (await data.BookingAsync(bookings[0])).Attendance!.Outcome);
        Assert.Equal("Alex Colleague", (await data.BookingAsync(bookings[2])).Attendance!.SubstituteName);
        var thanks = (await data.EmailsToAsync(people[0].Email!)).Where(m => m.Subject.StartsWith("Thank you", StringComparison.Ordinal)).ToList();
        Assert.Single(thanks);
        Assert.Contains($"/training/my/{bookings[0]}/certificate", thanks[0].TextBody);
        Assert.DoesNotContain("certificate", (await data.EmailsToAsync(people[1].Email!)).Last().TextBody);
        Assert.DoesNotContain(await data.EmailsToAsync(people[2].Email!), m => m.Subject.StartsWith("Thank you", StringComparison.Ordinal));
        Assert.Equal(2, site.Notifications.OfType<SessionAttended>().Count(a => a.SessionId == session.Id));
    }

    [Fact]
    public async Task Attending_a_gcp2_course_enters_the_register_with_the_refresher_due_from_configuration()
    {
        var course = await data.CourseAsync(c => c.LicensesGcp2 = true);
        var session = await data.SessionAsync(course);
        var person = await data.PersonAsync();
        var booked = await data.BookAsync(session, person);
        await data.MoveIntoPastAsync(session, TimeSpan.FromHours(4));
        var trainedOn = (await data.ReloadAsync(session)).StartUtc;

        await Mark(session, new AttendanceMark(booked.Value!.BookingId, AttendanceOutcome.Attended));

        var entry = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Gcp2Register.AsNoTracking().SingleAsync(g => g.BookingId == booked.Value!.BookingId));
        Assert.Equal((person.Id, course.Id, person.AgencyId), (entry.UserId, entry.CourseId, entry.AgencyId));
        Assert.Equal(trainedOn, entry.TrainedOnUtc, TimeSpan.FromSeconds(1));
        Assert.Equal(trainedOn.AddMonths(TrainingSite.RefresherMonths), entry.RefresherDueUtc, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Correcting_the_register_to_did_not_attend_takes_the_practitioner_out_of_the_gcp2_register()
    {
        var course = await data.CourseAsync(c => c.LicensesGcp2 = true);
        var session = await data.SessionAsync(course);
        var booked = await data.BookAsync(session, await data.PersonAsync());
        await data.MoveIntoPastAsync(session, TimeSpan.FromHours(4));
        await Mark(session, new AttendanceMark(booked.Value!.BookingId, AttendanceOutcome.Attended));

        await Mark(session, new AttendanceMark(booked.Value!.BookingId, AttendanceOutcome.DidNotAttend));

        Assert.False(await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Gcp2Register.AnyAsync(g => g.BookingId == booked.Value!.BookingId)));
    }

    [Fact]
    public async Task Gcp2_refresher_reminder_is_sent_once_when_the_refresher_falls_due()
    {
        var course = await data.CourseAsync(c => c.LicensesGcp2 = true);
        var session = await data.SessionAsync(course);
        var person = await data.PersonAsync();
        var booked = await data.BookAsync(session, person);
        await data.MoveIntoPastAsync(session, TimeSpan.FromHours(4));
        await Mark(session, new AttendanceMark(booked.Value!.BookingId, AttendanceOutcome.Attended));
        await site.WithDbAsync(db => db.Gcp2Register.Where(g => g.BookingId == booked.Value!.BookingId)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.RefresherDueUtc, DateTime.UtcNow.AddDays(10))));

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => site.WithScopeAsync(sp => sp.GetRequiredService<TrainingReminders>().SendGcp2RefresherRemindersAsync()))));

        Assert.Equal(1, runs.Sum());
        Assert.Single(await data.EmailsToAsync(person.Email!), m => m.Subject == "Your GCP2 refresher training is due");
    }

    private Task<Outcome<int>> Mark(TrainingSession session, params AttendanceMark[] marks) =>
        data.WithAsync<SessionRegister, Outcome<int>>(r => r.RecordAsync(session.Id, marks, TrainingData.Staff));
}
