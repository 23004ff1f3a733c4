using AngleSharp.Dom;
using LearningPortal.Core.Feedback;

namespace LearningPortal.Tests.Feedback;

public partial class EvaluationTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly FeedbackData feedback = new(site);
    private readonly TrainingData training = new(site);

    [Fact]
    public async Task Attendance_emails_a_personal_link_to_the_course_evaluation_and_answering_from_it_records_the_session()
    {
        var course = await training.CourseAsync();
        var form = await feedback.FormAsync(anonymous: false, courseId: course.Id);
        var session = await training.SessionAsync(course);
        var person = await training.PersonAsync();
        var booked = await training.BookAsync(session, person);
        await training.MoveIntoPastAsync(session, TimeSpan.FromHours(4));

        await Mark(session, booked.Value!.BookingId, AttendanceOutcome.Attended);
        await Mark(session, booked.Value!.BookingId, AttendanceOutcome.DidNotAttend);
        await Mark(session, booked.Value!.BookingId, AttendanceOutcome.Attended);

        var email = Assert.Single(await training.EmailsToAsync(person.Email!), m => m.Subject.StartsWith("Tell us what you thought", StringComparison.Ordinal));
        var link = new Uri(FeedbackLink().Match(email.TextBody).Value);
        Assert.Equal($"/feedback/{form.Slug}", link.AbsolutePath);
        using var client = site.CreatePortalClient(); // not signed in: the link is enough
        var page = await client.GetDocumentAsync(link.PathAndQuery);
        Assert.Equal(course.Title, page.QuerySelector(".govuk-caption-l")!.TextContent.Trim());
        var answered = await client.SubmitFormAsync(page, link.PathAndQuery, FeedbackData.Answers(form).ToDictionary(kv => kv.Key, kv => kv.Value[0]));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var response = Assert.Single(await feedback.ResponsesAsync(form));
        Assert.Equal((session.Id, person.Id, person.AgencyId), (response.SessionId, response.UserId, response.AgencyId));
        var rate = await site.WithScopeAsync(sp => sp.GetRequiredService<FeedbackAnalysis>().SessionResponseRateAsync(session.Id));
        Assert.Equal((1, 1), rate);
        var again = await client.GetAsync(link.PathAndQuery);
        Assert.Equal($"/feedback/{form.Slug}/thank-you?already=true", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_course_without_its_own_form_sends_the_starter_course_evaluation()
    {
        var session = await training.SessionAsync();
        var person = await training.PersonAsync();
        var booked = await training.BookAsync(session, person);
        await training.MoveIntoPastAsync(session, TimeSpan.FromHours(4));

        await Mark(session, booked.Value!.BookingId, AttendanceOutcome.PartlyAttended);

        var email = Assert.Single(await training.EmailsToAsync(person.Email!), m => m.Subject.StartsWith("Tell us what you thought", StringComparison.Ordinal));
        Assert.Contains("/feedback/course-evaluation?token=", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_course_given_another_evaluation_form_in_the_course_editor_sends_attendees_that_forms_link()
    {
        var course = await training.CourseAsync();
        var form = await feedback.FormAsync(anonymous: true);
        var session = await training.SessionAsync(course);
        var person = await training.PersonAsync();
        var booked = await training.BookAsync(session, person);
        await training.MoveIntoPastAsync(session, TimeSpan.FromHours(4));
        using var editor = await EditorAsync();
        var editPage = await editor.GetDocumentAsync($"/manage/training/courses/edit/{course.Id}");
        var fields = CourseFields(editPage);

        var unknown = await editor.SubmitFormAsync($"/manage/training/courses/edit/{course.Id}", new Dictionary<string, string>(fields) { ["Input.EvaluationFormId"] = "999999" });
        var saved = await editor.SubmitFormAsync($"/manage/training/courses/edit/{course.Id}", new Dictionary<string, string>(fields) { ["Input.EvaluationFormId"] = form.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await Mark(session, booked.Value!.BookingId, AttendanceOutcome.Attended);

        var starter = editPage.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#Input-EvaluationFormId")!;
        Assert.Equal("Course evaluation", starter.SelectedOptions.Single().Text.Trim()); // the default, until the course chooses
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("Select an evaluation form from the list", (await PortalClient.ParseAsync(unknown)).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var email = Assert.Single(await training.EmailsToAsync(person.Email!), m => m.Subject.StartsWith("Tell us what you thought", StringComparison.Ordinal));
        Assert.Equal($"/feedback/{form.Slug}", new Uri(FeedbackLink().Match(email.TextBody).Value).AbsolutePath);
        var formPage = await editor.GetDocumentAsync($"/manage/feedback/{form.Id}");
        Assert.Contains(course.Title, formPage.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_personal_link_does_not_work_for_someone_else_or_once_altered()
    {
        var course = await training.CourseAsync();
        var form = await feedback.FormAsync(anonymous: true, courseId: course.Id);
        var session = await training.SessionAsync(course);
        var person = await training.PersonAsync();
        var booked = await training.BookAsync(session, person);
        await training.MoveIntoPastAsync(session, TimeSpan.FromHours(4));
        await Mark(session, booked.Value!.BookingId, AttendanceOutcome.Attended);
        var email = (await training.EmailsToAsync(person.Email!)).Single(m => m.Subject.StartsWith("Tell us what you thought", StringComparison.Ordinal));
        var link = new Uri(FeedbackLink().Match(email.TextBody).Value);
        using var someoneElse = await site.SignedInClientAsync("other");
        using var anybody = site.CreatePortalClient();

        var forOther = await someoneElse.GetDocumentAsync(link.PathAndQuery);
        var altered = await anybody.GetDocumentAsync(link.PathAndQuery[..^4] + "AAAA");

        Assert.Contains("sent to someone else", forOther.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(forOther.QuerySelector("form[method=post] button[type=submit]:not(.lp-link-button)") is { } b && b.TextContent.Contains("Send feedback", StringComparison.Ordinal) ? b : null);
        Assert.Contains("expired or is not valid", altered.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The course editor's fields as the page filled them in.</summary>
    private static Dictionary<string, string> CourseFields(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var fields = new Dictionary<string, string>();
        foreach (var element in page.QuerySelectorAll("main form [name^='Input.']"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement { Type: "radio" } radio when radio.IsChecked:
                    fields[name] = radio.Value;
                    break;
                case AngleSharp.Html.Dom.IHtmlInputElement { Type: not "radio" } input:
                    fields[name] = input.Value;
                    break;
                case AngleSharp.Html.Dom.IHtmlTextAreaElement textarea:
                    fields[name] = textarea.Value;
                    break;
                case AngleSharp.Html.Dom.IHtmlSelectElement select:
                    fields[name] = select.Value ?? "";
                    break;
            }
        }

        return fields;
    }

    private Task<PortalClient> EditorAsync() => site.SignedInClientAsync("editor", PortalRoles.Editor);

    private Task<Outcome<int>> Mark(TrainingSession session, int bookingId, AttendanceOutcome outcome) =>
        training.WithAsync<SessionRegister, Outcome<int>>(r => r.RecordAsync(session.Id, [new AttendanceMark(bookingId, outcome)], TrainingData.Staff));

    [GeneratedRegex(@"http\S+/feedback/\S+")]
    private static partial Regex FeedbackLink();
}
