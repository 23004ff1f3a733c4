using System.Text;

namespace LearningPortal.Tests.Training.Pages;

public class ManageTrainingPageTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly TrainingData data = new(site);

    [Fact]
    public async Task Editor_adds_a_course_and_a_session_entered_in_uk_time()
    {
        using var editor = await EditorAsync();
        var title = "GCP2 " + Guid.NewGuid().ToString("N")[..6];

        var created = await editor.SubmitFormAsync("/manage/training/courses/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Summary"] = "Using the Graded Care Profile 2.",
            ["Input.Audience"] = "Practitioners",
            ["Input.Level"] = "Intermediate",
            ["Input.Length"] = "One day",
            ["Input.LicensesGcp2"] = "true",
        });
        var courseId = int.Parse(created.Headers.Location!.ToString().Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var year = DateTime.UtcNow.Year + 1;
        var session = await editor.SubmitFormAsync($"/manage/training/sessions/edit?courseId={courseId}", SessionForm(
            new()
            {
                ["Input.StartTime"] = "9:30am",
                ["Input.EndTime"] = "4pm",
                ["Input.Format"] = "InPerson",
                ["Input.Venue"] = "Town Hall",
                ["Input.Capacity"] = "20",
            },
            ("Date", "15", "7", year),
            ("BookingOpens", "1", "1", year),
            ("BookingCloses", "10", "7", year)));

        Assert.StartsWith("/manage/training/sessions/", session.Headers.Location!.ToString());
        var saved = await SessionOfAsync(courseId);
        Assert.Equal(new DateTime(year, 7, 15, 8, 30, 0, DateTimeKind.Utc), saved.StartUtc); // BST
        Assert.Equal(new DateTime(year, 7, 15, 15, 0, 0, DateTimeKind.Utc), saved.EndUtc);
    }

    [Fact]
    public async Task A_new_session_needs_only_its_own_date_booking_opens_now_and_closes_the_day_before()
    {
        using var editor = await EditorAsync();
        var course = await data.CourseAsync();
        var year = DateTime.UtcNow.Year + 1;

        var form = await editor.GetDocumentAsync($"/manage/training/sessions/edit?courseId={course.Id}");
        var today = LearningPortal.Core.Time.UkTime.Today(DateTime.UtcNow);
        Assert.Equal(today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#Input-BookingOpens")!).Value);
        Assert.Equal("", ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#Input-BookingCloses")!).Value);
        var before = DateTime.UtcNow;
        var response = await editor.SubmitFormAsync(form, $"/manage/training/sessions/edit?courseId={course.Id}", SessionForm(
            OnlineTenToOne(), ("Date", "2", "12", year), ("BookingOpens", "", "", null)));

        Assert.True(response.Headers.Location is not null, ManageErrors(await PortalClient.ParseAsync(response)));
        var saved = await SessionOfAsync(course.Id);
        Assert.InRange(saved.BookingOpensUtc, before.AddSeconds(-1), DateTime.UtcNow.AddSeconds(1));
        // The end of 1 December in the UK (GMT in winter).
        Assert.Equal(new DateTime(year, 12, 1, 23, 59, 59, DateTimeKind.Utc), saved.BookingClosesUtc);
    }

    [Fact]
    public async Task Booking_dates_typed_on_a_new_session_are_kept()
    {
        using var editor = await EditorAsync();
        var course = await data.CourseAsync();
        var year = DateTime.UtcNow.Year + 1;

        var response = await editor.SubmitFormAsync($"/manage/training/sessions/edit?courseId={course.Id}", SessionForm(
            OnlineTenToOne(), ("Date", "2", "12", year), ("BookingOpens", "3", "11", year), ("BookingCloses", "20", "11", year)));

        Assert.True(response.Headers.Location is not null, ManageErrors(await PortalClient.ParseAsync(response)));
        var saved = await SessionOfAsync(course.Id);
        Assert.Equal(new DateTime(year, 11, 3, 0, 0, 0, DateTimeKind.Utc), saved.BookingOpensUtc);
        Assert.Equal(new DateTime(year, 11, 20, 23, 59, 59, DateTimeKind.Utc), saved.BookingClosesUtc);
    }

    private static string ManageErrors(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent ?? "(no error summary)";

    /// <summary>An online session from 10am to 1pm with 12 places: the session form's fields but for its dates.</summary>
    private static Dictionary<string, string> OnlineTenToOne() => new()
    {
        ["Input.StartTime"] = "10am",
        ["Input.EndTime"] = "1pm",
        ["Input.Format"] = "Online",
        ["Input.JoiningLink"] = "https://meet.example.org/gcp2",
        ["Input.Capacity"] = "12",
    };

    /// <summary>
    /// The session form: <paramref name="fields"/>, each date given as its day, month and year inputs (a year of null is
    /// left blank), and the trainer.
    /// </summary>
    private static Dictionary<string, string> SessionForm(Dictionary<string, string> fields, params (string Name, string Day, string Month, int? Year)[] dates)
    {
        foreach (var (name, day, month, year) in dates)
        {
            fields[$"Input.{name}.Day"] = day;
            fields[$"Input.{name}.Month"] = month;
            fields[$"Input.{name}.Year"] = year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }

        fields["Input.Trainer"] = "Sam Trainer";
        fields["Input.RequiresManagerApproval"] = "false";
        return fields;
    }

    private Task<TrainingSession> SessionOfAsync(int courseId) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().TrainingSessions.AsNoTracking().SingleAsync(s => s.CourseId == courseId));

    [Fact]
    public async Task Session_form_keeps_what_was_typed_and_explains_each_error()
    {
        using var editor = await EditorAsync();
        var course = await data.CourseAsync();

        var response = await editor.SubmitFormAsync($"/manage/training/sessions/edit?courseId={course.Id}", new Dictionary<string, string>
        {
            ["Input.Date.Day"] = "31",
            ["Input.Date.Month"] = "2",
            ["Input.Date.Year"] = "2030",
            ["Input.StartTime"] = "half nine",
            ["Input.Format"] = "Online",
            ["Input.Trainer"] = "Sam",
        });

        var page = await PortalClient.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Date of the session must be a real date", summary);
        Assert.Contains("Enter a start time, like 9:30am or 14:00", summary);
        Assert.Contains("Enter the joining link, starting with https://", summary);
        Assert.Contains("Enter the number of places", summary);
        Assert.Equal("half nine", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input-StartTime")!).Value);
        Assert.Equal("31", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input-Date")!).Value);
    }

    [Fact]
    public async Task Cutting_capacity_below_the_places_booked_is_refused_on_the_form()
    {
        using var editor = await EditorAsync();
        var session = await data.SessionAsync(change: s => s.Capacity = 5);
        foreach (var p in await data.PeopleAsync(3))
        {
            await data.BookAsync(session, p);
        }

        var response = await editor.SubmitFormAsync($"/manage/training/sessions/edit/{session.Id}", new Dictionary<string, string> { ["Input.Capacity"] = "2" });

        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("Capacity must be at least 3, the number of places already booked", page.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal(5, (await data.ReloadAsync(session)).Capacity);
    }

    [Fact]
    public async Task Trainer_marks_the_register_and_the_certificate_appears_for_the_attendee_only()
    {
        using var editor = await EditorAsync();
        var session = await data.SessionAsync();
        var attendeeEmail = TestUsers.UniqueEmail("attendee");
        var attendee = await site.CreateUserAsync(attendeeEmail);
        var absent = await data.PersonAsync();
        var booked = await data.BookAsync(session, attendee);
        var missed = await data.BookAsync(session, absent);
        await data.MoveIntoPastAsync(session, TimeSpan.FromHours(4));

        var registerPage = await editor.GetDocumentAsync($"/manage/training/sessions/{session.Id}/register");
        var index = registerPage.QuerySelectorAll("input[name$='.BookingId']").Select(i => i.GetAttribute("value")).ToList();
        var fields = new Dictionary<string, string>
        {
            [$"Marks[{index.IndexOf(booked.Value!.BookingId.ToString())}].Outcome"] = "Attended",
            [$"Marks[{index.IndexOf(missed.Value!.BookingId.ToString())}].Outcome"] = "DidNotAttend",
        };
        var saved = await editor.SubmitFormAsync(registerPage, $"/manage/training/sessions/{session.Id}/register", fields);

        Assert.Equal($"/manage/training/sessions/{session.Id}/register", saved.Headers.Location!.ToString());
        using var attendeeClient = site.CreatePortalClient();
        await attendeeClient.SignInAsync(attendeeEmail);
        var my = await attendeeClient.GetDocumentAsync("/training/my");
        Assert.NotNull(my.QuerySelector($"a[href='/training/my/{booked.Value!.BookingId}/certificate']"));
        var certificate = await attendeeClient.GetDocumentAsync($"/training/my/{booked.Value!.BookingId}/certificate");
        Assert.Contains(attendee.DisplayName, certificate.QuerySelector("main")!.TextContent);
        Assert.Contains(session.Course.Title, certificate.QuerySelector("main")!.TextContent);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await attendeeClient.GetAsync($"/training/my/{missed.Value!.BookingId}/certificate")).StatusCode);
        var sheet = await editor.GetDocumentAsync($"/manage/training/sessions/{session.Id}/sign-in-sheet");
        Assert.Contains(attendee.DisplayName, sheet.QuerySelector("table")!.TextContent);
    }

    [Fact]
    public async Task Reports_count_by_agency_and_export_csv_with_charges_under_the_policy()
    {
        using var editor = await EditorAsync();
        var session = await data.SessionAsync(); // 3 hours: a half day, £40 in the test settings
        var people = await data.PeopleAsync(3);
        var bookings = new List<int>();
        foreach (var p in people)
        {
            bookings.Add((await data.BookAsync(session, p)).Value!.BookingId);
        }

        await data.MoveIntoPastAsync(session, TimeSpan.FromDays(1));
        await data.WithAsync<SessionRegister, Outcome<int>>(r => r.RecordAsync(session.Id,
        [
            new AttendanceMark(bookings[0], AttendanceOutcome.Attended),
            new AttendanceMark(bookings[1], AttendanceOutcome.DidNotAttend),
            new AttendanceMark(bookings[2], AttendanceOutcome.DidNotAttend, SubstituteName: "Alex Colleague"),
        ], TrainingData.Staff));
        var day = DateTime.UtcNow.AddDays(-1);
        var query = $"From.Day={day.Day}&From.Month={day.Month}&From.Year={day.Year}&To.Day={day.Day}&To.Month={day.Month}&To.Year={day.Year}";

        var page = await editor.GetDocumentAsync($"/manage/training/reports?{query}&Report=Charges");
        var csv = await editor.GetAsync($"/manage/training/reports?handler=Csv&{query}&Report=Charges");
        var noShows = await editor.GetAsync($"/manage/training/reports?handler=Csv&{query}&Report=NoShows");

        Assert.Contains("£40.00", page.QuerySelector("main")!.TextContent);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Session date,Course,Attendee,Agency,Reason,Length,Fee,Waived", lines[0]);
        Assert.Contains(lines, l => l.Contains(people[1].DisplayName, StringComparison.Ordinal) && l.Contains(",Did not attend,Half day,40,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(people[2].DisplayName, StringComparison.Ordinal) && l.Contains(",0,Yes: Alex Colleague attended instead", StringComparison.Ordinal));
        Assert.Equal(3, Encoding.UTF8.GetString(await noShows.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Gcp2_register_lists_trained_practitioners_and_exports_csv()
    {
        using var editor = await EditorAsync();
        var course = await data.CourseAsync(c => c.LicensesGcp2 = true);
        var session = await data.SessionAsync(course);
        var person = await data.PersonAsync();
        var booked = await data.BookAsync(session, person);
        await data.MoveIntoPastAsync(session, TimeSpan.FromHours(5));
        await data.WithAsync<SessionRegister, Outcome<int>>(r => r.RecordAsync(session.Id, [new AttendanceMark(booked.Value!.BookingId, AttendanceOutcome.Attended)], TrainingData.Staff));

        var page = await editor.GetDocumentAsync("/manage/training/gcp2-register");
        var csv = Encoding.UTF8.GetString(await (await editor.GetAsync("/manage/training/gcp2-register?handler=Csv")).Content.ReadAsByteArrayAsync());

        Assert.Contains(person.DisplayName, page.QuerySelector("table")!.TextContent);
        Assert.Contains("Practitioner,Agency,Course,Trained on,Refresher due,Refresher overdue", csv);
        Assert.Contains(person.DisplayName, csv);
    }

    private Task<PortalClient> EditorAsync() => site.SignedInClientAsync("editor", PortalRoles.Editor);
}
