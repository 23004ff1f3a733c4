using System.Globalization;
using AngleSharp.Dom;
using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Feedback;
using LearningPortal.Core.Impact;
using LearningPortal.Tests.Feedback;
using LearningPortal.Tests.Manage;
using LearningPortal.Tests.Supervision;

namespace LearningPortal.Tests.Impact;

/// <summary>
/// The Training and Feedback sections of the briefing and objective impact pages and the GCP2 targets page: bookings
/// and registers (seeded in Training's tables, then copied by rebuild-impact) counted by agency with 1, 2 and 3
/// contributors in every agency filter, a second cell hidden against subtraction, GCP2-trained practitioners against
/// targets, feedback averages shown only when enough people gave them, the live copies written by booking, cancelling,
/// marking the register and answering a form, the CSV per table, and nobody named.
/// </summary>
public class TrainingAndFeedbackSectionsTests(SupervisionSite site) : IClassFixture<SupervisionSite>
{
    private const string March = "from=2025-03&to=2025-03";
    private const string NotShown = "not shown (too few answers)";
    private readonly SupervisionData data = new(site);
    private readonly TrainingData training = new(site);
    private readonly FeedbackData feedback = new(site);

    [Fact]
    public async Task Training_counts_places_attended_and_no_shows_with_one_two_and_three_per_agency_and_gcp2_against_targets()
    {
        var (briefing, _) = await data.BriefingAsync("Training impact " + Guid.NewGuid().ToString("N")[..6]);
        var (a, b, c) = await AgenciesAsync();
        var gcp2 = await training.CourseAsync(x => x.LicensesGcp2 = true);
        var unlinked = await training.CourseAsync();
        var objective = await LinkAsync(briefing.DocumentId, gcp2.Id);
        var march = new DateTime(2025, 3, 12, 9, 30, 0, DateTimeKind.Utc);
        var people = new List<PortalUser>();

        // a: 1 booked and attended; b: 2 booked and attended; c: 4 booked, 3 attended, 1 did not attend, and 1 cancelled.
        // The unlinked course's 5 bookings in c count nowhere.
        people.AddRange(await BookedAsync(gcp2, march, a, AttendanceOutcome.Attended));
        people.AddRange(await BookedAsync(gcp2, march, b, AttendanceOutcome.Attended, AttendanceOutcome.Attended));
        people.AddRange(await BookedAsync(gcp2, march.AddDays(7), c, AttendanceOutcome.Attended, AttendanceOutcome.Attended, AttendanceOutcome.Attended, AttendanceOutcome.DidNotAttend));
        people.AddRange(await BookedAsync(gcp2, march.AddDays(7), c, cancelled: true));
        await BookedAsync(unlinked, march, c, AttendanceOutcome.Attended, AttendanceOutcome.Attended, AttendanceOutcome.Attended, AttendanceOutcome.Attended, AttendanceOutcome.Attended);
        await RebuildAsync();
        await site.WithScopeAsync(async sp =>
        {
            var saved = await sp.GetRequiredService<Gcp2Targets>().SaveAsync(new Dictionary<int, int?> { [a] = 10, [c] = 6 },
                (await sp.GetRequiredService<Gcp2Targets>().ListAsync()).Stamp, new Actor(null, "Test editor"));
            Assert.True(saved);
            return 0;
        });

        using var client = await EditorAsync();
        var all = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Slug}?{March}");
        Assert.Equal(["fewer than 3", "fewer than 3", "0"], Row(all, "#training-table", a));
        Assert.Equal(["fewer than 3", "fewer than 3", "0"], Row(all, "#training-table", b));
        Assert.Equal(["4", "3", "fewer than 3"], Row(all, "#training-table", c));
        Assert.Equal(["7", "6", "fewer than 3"], Row(all, "#training-table", "All agencies"));
        Assert.Equal(["fewer than 3", "10", "-"], Row(all, "#gcp2-table", a));
        Assert.Equal(["fewer than 3", "not set", "-"], Row(all, "#gcp2-table", b));
        Assert.Equal(["3", "6", "50%"], Row(all, "#gcp2-table", c));
        Assert.Equal("6", Row(all, "#gcp2-table", "All agencies")[0]);

        // One agency at a time: 1 and 2 people are hidden, 3 are shown.
        var onlyA = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Slug}?{March}&agency={a}");
        Assert.Equal(["fewer than 3", "fewer than 3", "0"], Row(onlyA, "#training-table", "All agencies"));
        Assert.Equal("fewer than 3", Row(onlyA, "#gcp2-table", "All agencies")[0]);
        var onlyB = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Slug}?{March}&agency={b}");
        Assert.Equal(["fewer than 3", "fewer than 3", "0"], Row(onlyB, "#training-table", "All agencies"));
        var onlyC = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Slug}?{March}&agency={c}");
        Assert.Equal(["4", "3", "fewer than 3"], Row(onlyC, "#training-table", "All agencies"));
        Assert.Equal(["3", "6", "50%"], Row(onlyC, "#gcp2-table", "All agencies"));

        // Before the period nobody was trained; the objective's page says the same as the briefing's.
        var february = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Slug}?from=2025-02&to=2025-02");
        Assert.Equal(["0", "0", "0"], Row(february, "#training-table", "All agencies"));
        var objectivePage = await client.GetDocumentAsync($"/manage/impact/objectives/{objective}?{March}");
        Assert.Equal(["4", "3", "fewer than 3"], Row(objectivePage, "#training-table", c));
        Assert.Contains(gcp2.Title, objectivePage.QuerySelector("#training")!.NextElementSibling!.TextContent);

        var csv = await TextAsync(client, $"/manage/impact/briefings/{briefing.Slug}?handler=Csv&table=training&{March}");
        Assert.Contains($"{Name(c)},4,3,fewer than 3", csv);
        Assert.Contains("All agencies,7,6,fewer than 3", csv);
        var gcp2Csv = await TextAsync(client, $"/manage/impact/objectives/{objective}?handler=Csv&table=gcp2&{March}");
        Assert.Contains($"{Name(c)},3,6,50%", gcp2Csv);

        foreach (var text in new[] { all.DocumentElement.OuterHtml, onlyA.DocumentElement.OuterHtml, csv, gcp2Csv })
        {
            Assert.All(people, p => Assert.DoesNotContain(p.Email!, text));
            Assert.All(people, p => Assert.DoesNotContain(p.DisplayName, text));
        }
    }

    [Fact]
    public async Task Training_hides_a_second_agency_when_one_hidden_agency_could_be_subtracted_from_the_total()
    {
        var (briefing, _) = await data.BriefingAsync("Training subtraction " + Guid.NewGuid().ToString("N")[..6]);
        var (a, b, c) = await AgenciesAsync();
        var course = await training.CourseAsync();
        await LinkAsync(briefing.DocumentId, course.Id);
        var april = new DateTime(2025, 4, 8, 9, 30, 0, DateTimeKind.Utc);
        await BookedAsync(course, april, a, AttendanceOutcome.Attended);
        await BookedAsync(course, april, b, AttendanceOutcome.Attended, AttendanceOutcome.Attended, AttendanceOutcome.Attended);
        await BookedAsync(course, april, c, AttendanceOutcome.Attended, AttendanceOutcome.Attended, AttendanceOutcome.Attended, AttendanceOutcome.Attended);
        await RebuildAsync();

        using var client = await EditorAsync();
        var page = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Slug}?from=2025-04&to=2025-04");

        // 1 is hidden; with the total shown, 3 (the next smallest) is hidden too, so 8 - 4 - 3 cannot be worked out.
        Assert.Equal("fewer than 3", Row(page, "#training-table", a)[0]);
        Assert.Equal("fewer than 3", Row(page, "#training-table", b)[0]);
        Assert.Equal("4", Row(page, "#training-table", c)[0]);
        Assert.Equal("8", Row(page, "#training-table", "All agencies")[0]);
        Assert.Contains("None of the linked courses licenses", page.QuerySelector("#gcp2")!.NextElementSibling!.TextContent);
    }

    [Fact]
    public async Task Feedback_averages_usefulness_and_confidence_by_agency_and_source_and_hides_averages_of_too_few()
    {
        var (briefing, _) = await data.BriefingAsync("Feedback impact " + Guid.NewGuid().ToString("N")[..6]);
        var (a, b, c) = await AgenciesAsync();
        var course = await training.CourseAsync();
        await LinkAsync(briefing.DocumentId, course.Id);
        var sessionStart = DateTime.UtcNow.AddDays(-3);
        await BookedAsync(course, sessionStart, c, AttendanceOutcome.Attended);
        await RebuildAsync();
        var sessionId = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Bookings
            .Where(x => x.Session.CourseId == course.Id).Select(x => x.SessionId).FirstAsync());
        var form = await feedback.FormAsync(anonymous: false, required: false);
        var people = new List<PortalUser>();

        // a: 1 response (useful 5, confidence 1 to 3); b: 2 (4, 2 to 4); c: 3 on the briefing (3, 2 to 3) and 1 evaluation of the course (2, no confidence).
        async Task AnswerAsync(int agency, int count, int rating, int? before, int? after, FeedbackPlace place)
        {
            foreach (var person in await training.PeopleAsync(count, agency, "feedback"))
            {
                people.Add(person);
                var values = FeedbackData.Answers(form, rating: rating, before: before ?? 1, after: after ?? 1);
                if (before is null)
                {
                    foreach (var q in form.CurrentQuestions.Where(q => q.Type == FeedbackQuestionType.ConfidencePair))
                    {
                        values.Remove(FeedbackAnswering.FieldFor(q));
                        values.Remove(FeedbackAnswering.AfterFieldFor(q));
                    }
                }

                Assert.Equal(Submission.Saved, (await feedback.SubmitAsync(form, person, values, place)).Value);
            }
        }

        await AnswerAsync(a, 1, 5, 1, 3, FeedbackPlace.Briefing(briefing.DocumentId));
        await AnswerAsync(b, 2, 4, 2, 4, FeedbackPlace.Briefing(briefing.DocumentId));
        await AnswerAsync(c, 3, 3, 2, 3, FeedbackPlace.Briefing(briefing.DocumentId));
        await AnswerAsync(c, 1, 2, null, null, FeedbackPlace.Session(sessionId));

        // Impact's copies hold the figures and nothing that says who answered.
        var copies = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ImpactFeedback.AsNoTracking().Where(f => f.FormId == form.Id).ToListAsync());
        Assert.Equal(7, copies.Count);
        Assert.Equal([5, 4, 4, 3, 3, 3, 2], copies.OrderByDescending(x => x.Usefulness).Select(x => x.Usefulness!.Value));

        var month = CurrentMonth();
        using var client = await EditorAsync();
        var all = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Slug}?from={month}&to={month}");

        // Usefulness (5 + 8 + 9 + 2) / 7 = 3.4; confidence before (1 + 4 + 6) / 6 = 1.8, after (3 + 8 + 9) / 6 = 3.3.
        Assert.Equal(["7", "3.4", "6", "1.8", "3.3", "+1.5"], Row(all, "#feedback-agency-table", "All responses"));
        Assert.Equal(["fewer than 3", NotShown, "fewer than 3", NotShown, NotShown, NotShown], Row(all, "#feedback-agency-table", a));
        Assert.Equal(["fewer than 3", NotShown, "fewer than 3", NotShown, NotShown, NotShown], Row(all, "#feedback-agency-table", b));
        Assert.Equal(["4", "2.8", "3", "2.0", "3.0", "+1.0"], Row(all, "#feedback-agency-table", c));

        // By source, 6 on the briefing and 1 evaluation: the 1 is hidden, and so is the 6 it could be subtracted from.
        Assert.Equal(["fewer than 3", NotShown, "6", "1.8", "3.3", "+1.5"], Row(all, "#feedback-source-table", ImpactFeedbackFigures.BriefingSource));
        Assert.Equal(["fewer than 3", NotShown, "0", NotShown, NotShown, NotShown], Row(all, "#feedback-source-table", ImpactFeedbackFigures.CourseSource));

        // One agency at a time: 1 and 2 people hide everything, 3 show.
        var onlyA = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Slug}?from={month}&to={month}&agency={a}");
        Assert.Equal(["fewer than 3", NotShown, "fewer than 3", NotShown, NotShown, NotShown], Row(onlyA, "#feedback-agency-table", "All responses"));
        var onlyB = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Slug}?from={month}&to={month}&agency={b}");
        Assert.Equal(["fewer than 3", NotShown, "fewer than 3", NotShown, NotShown, NotShown], Row(onlyB, "#feedback-agency-table", "All responses"));
        var onlyC = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Slug}?from={month}&to={month}&agency={c}");
        Assert.Equal(["4", "2.8", "3", "2.0", "3.0", "+1.0"], Row(onlyC, "#feedback-agency-table", "All responses"));

        var csv = await TextAsync(client, $"/manage/impact/briefings/{briefing.Slug}?handler=Csv&table=feedback-agency&from={month}&to={month}");
        Assert.Contains($"{Name(c)},4,2.8,3,2.0,3.0,'+1.0", csv);
        var sources = await TextAsync(client, $"/manage/impact/briefings/{briefing.Slug}?handler=Csv&table=feedback-source&from={month}&to={month}");
        Assert.Contains($"{ImpactFeedbackFigures.CourseSource},fewer than 3", sources);

        foreach (var text in new[] { all.DocumentElement.OuterHtml, onlyC.DocumentElement.OuterHtml, csv, sources })
        {
            Assert.All(people, p => Assert.DoesNotContain(p.Email!, text));
            Assert.All(people, p => Assert.DoesNotContain(p.DisplayName, text));
            Assert.DoesNotContain("More home visits", text);
        }
    }

    [Fact]
    public async Task Booking_cancelling_and_marking_the_register_keep_Impacts_copies_in_the_same_transaction_and_rebuild_gives_the_same()
    {
        var (_, _, c) = await AgenciesAsync();
        var session = await training.SessionAsync(await training.CourseAsync(x => x.LicensesGcp2 = true));
        var people = await training.PeopleAsync(2, c, "copied");
        var first = await training.BookAsync(session, people[0]);
        var second = await training.BookAsync(session, people[1]);
        Assert.Equal(BookingOutcome.Confirmed, first.Value!.Outcome);

        async Task<List<ImpactBooking>> CopiesAsync() => await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ImpactBookings.AsNoTracking()
            .Where(x => x.SessionId == session.Id).OrderBy(x => x.BookingId).ToListAsync());

        var booked = await CopiesAsync();
        Assert.Equal([first.Value!.BookingId, second.Value!.BookingId], booked.Select(x => x.BookingId));
        Assert.All(booked, x => Assert.True(x.HoldsPlace && x.LicensesGcp2 && x.AgencyId == c && x.Attendance is null && x.CourseTitle == session.Course.Title));

        var cancelled = await training.WithAsync<BookingService, Outcome<int>>(s => s.CancelAsync(second.Value!.BookingId, TrainingData.Staff, asStaff: true));
        Assert.True(cancelled.Succeeded);
        Assert.False((await CopiesAsync()).Single(x => x.BookingId == second.Value!.BookingId).HoldsPlace);

        await training.MoveIntoPastAsync(session, TimeSpan.FromDays(1));
        var marked = await training.WithAsync<SessionRegister, Outcome<int>>(r => r.RecordAsync(session.Id, [new AttendanceMark(first.Value!.BookingId, AttendanceOutcome.Attended)], TrainingData.Staff));
        Assert.True(marked.Succeeded);
        var afterRegister = await CopiesAsync();
        Assert.Equal(AttendanceResult.Attended, afterRegister.Single(x => x.BookingId == first.Value!.BookingId).Attendance);
        Assert.True(afterRegister[0].StartUtc < DateTime.UtcNow);

        // A renamed course is renamed in the copies with the course's save.
        var renamed = session.Course.Title + " (renamed)";
        await training.WithAsync<CourseAdministration, Outcome<int>>(a => a.SaveAsync(session.CourseId,
            new CourseDetails(renamed, session.Course.Slug, session.Course.Summary, session.Course.Description, session.Course.Audience, session.Course.Level,
                session.Course.Length, session.Course.Materials, null, true, false, true, null), TrainingData.Staff));
        Assert.All(await CopiesAsync(), x => Assert.Equal(renamed, x.CourseTitle));

        // rebuild-impact writes the same copies from Training's tables.
        var result = await RebuildAsync();
        Assert.True(result.Bookings >= 2);
        var rebuilt = await CopiesAsync();
        Assert.Equal(
            afterRegister.Select(x => (x.BookingId, x.UserId, x.AgencyId, x.HoldsPlace, x.Attendance, x.LicensesGcp2)),
            rebuilt.Select(x => (x.BookingId, x.UserId, x.AgencyId, x.HoldsPlace, x.Attendance, x.LicensesGcp2)));
        Assert.All(rebuilt, x => Assert.Equal(renamed, x.CourseTitle));
    }

    [Fact]
    public async Task An_editor_sets_gcp2_targets_with_errors_in_field_order_a_refused_lost_update_and_an_audit_line()
    {
        var (a, b, _) = await AgenciesAsync();
        using var client = await EditorAsync();
        const string Path = "/manage/impact/gcp2-targets";
        var page = await client.GetDocumentAsync(Path);
        var fieldA = FieldFor(page, a);
        var fieldB = FieldFor(page, b);

        var invalid = await PortalClient.ParseAsync(await client.SubmitFormAsync(page, Path, new Dictionary<string, string> { [fieldA] = "lots", [fieldB] = "200000" }));
        var errors = invalid.QuerySelectorAll(".govuk-error-summary__list a").Select(x => x.TextContent.Trim()).ToList();
        Assert.Equal([$"Target for {Name(a)} must be a whole number, like 25", $"Target for {Name(b)} must be 100,000 or fewer"], errors);
        Assert.Equal("lots", ((AngleSharp.Html.Dom.IHtmlInputElement)invalid.QuerySelector($"input[name='{fieldA}']")!).Value);

        var saved = await client.SubmitFormAsync(page, Path, new Dictionary<string, string> { [fieldA] = "25", [fieldB] = "1,200" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        var targets = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Gcp2Targets.AsNoTracking().Where(t => t.AgencyId == a || t.AgencyId == b).ToListAsync());
        Assert.Equal(25, targets.Single(t => t.AgencyId == a).Target);
        Assert.Equal(1200, targets.Single(t => t.AgencyId == b).Target);
        var audit = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(x => x.Action == "impact.gcp2-targets.changed").OrderByDescending(x => x.Id).FirstAsync());
        Assert.Contains($"{Name(a)}: none to 25", audit.Details);

        // Two Editors open the page; the first saves; the second's save (over a page now out of date) is refused, nothing lost.
        var opened = await client.GetDocumentAsync(Path);
        using var other = await EditorAsync();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await other.SubmitFormAsync(Path, new Dictionary<string, string> { [fieldA] = "30" })).StatusCode);
        var refused = await PortalClient.ParseAsync(await client.SubmitFormAsync(opened, Path, new Dictionary<string, string> { [fieldB] = "" }));
        Assert.Contains("Someone else changed the targets", refused.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal("30", ((AngleSharp.Html.Dom.IHtmlInputElement)refused.QuerySelector($"input[name='{fieldA}']")!).Value);
        var after = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Gcp2Targets.AsNoTracking().Where(t => t.AgencyId == a || t.AgencyId == b).ToListAsync());
        Assert.Equal(30, after.Single(t => t.AgencyId == a).Target);
        Assert.Equal(1200, after.Single(t => t.AgencyId == b).Target);

        // Clearing a box clears the target.
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.SubmitFormAsync(Path, new Dictionary<string, string> { [fieldB] = "" })).StatusCode);
        Assert.False(await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Gcp2Targets.AnyAsync(t => t.AgencyId == b)));
    }

    private readonly Dictionary<int, string> names = [];

    private string Name(int agency) => names[agency];

    private static string FieldFor(IDocument page, int agency)
    {
        var hidden = page.QuerySelectorAll("input[type='hidden'][name^='AgencyIds']").Single(x => x.GetAttribute("value") == agency.ToString(CultureInfo.InvariantCulture));
        return hidden.GetAttribute("name")!.Replace("AgencyIds", "Targets", StringComparison.Ordinal);
    }

    private static string CurrentMonth() => Core.Time.UkTime.Today(DateTime.UtcNow).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private string[] Row(IDocument page, string table, int agency) => Row(page, table, Name(agency));

    private static string[] Row(IDocument page, string table, string label)
    {
        var row = page.QuerySelectorAll($"{table} tbody tr").SingleOrDefault(tr => tr.QuerySelector("th")!.TextContent.Trim() == label)
            ?? throw new InvalidOperationException($"No row '{label}' in {table}");
        return [.. row.QuerySelectorAll("td").Select(td => td.TextContent.Trim())];
    }

    private static async Task<string> TextAsync(PortalClient client, string path) => await (await client.GetAsync(path)).Content.ReadAsStringAsync();

    private Task<ImpactRebuildResult> RebuildAsync() => site.WithScopeAsync(sp => sp.GetRequiredService<ImpactRebuild>().RunAsync());

    /// <summary>An objective linking the briefing and the course, as Editors link them.</summary>
    private async Task<Guid> LinkAsync(int documentId, int courseId)
    {
        var objective = Guid.NewGuid();
        await site.WithDbAsync(async db =>
        {
            db.Objectives.Add(new Objective { Id = objective, Title = "Training objective " + objective.ToString("N")[..6], Number = 43, StrategyDocumentId = 0 });
            db.ObjectiveLinks.Add(new ObjectiveLink { ObjectiveId = objective, Kind = ObjectiveLinkKind.Briefing, TargetId = documentId });
            db.ObjectiveLinks.Add(new ObjectiveLink { ObjectiveId = objective, Kind = ObjectiveLinkKind.Course, TargetId = courseId });
            await db.SaveChangesAsync();
        });
        return objective;
    }

    /// <summary>A past session of the course with one confirmed booking per outcome (or one cancelled booking), straight into Training's tables.</summary>
    private async Task<List<PortalUser>> BookedAsync(Course course, DateTime startUtc, int agency, params AttendanceOutcome[] outcomes) =>
        await BookedAsync(course, startUtc, agency, cancelled: false, outcomes);

    private async Task<List<PortalUser>> BookedAsync(Course course, DateTime startUtc, int agency, bool cancelled, params AttendanceOutcome[] outcomes)
    {
        var count = cancelled ? 1 : outcomes.Length;
        var people = await training.PeopleAsync(count, agency, "trained");
        await site.WithDbAsync(async db =>
        {
            var session = new TrainingSession
            {
                CourseId = course.Id, StartUtc = startUtc, EndUtc = startUtc.AddHours(3), Format = SessionFormat.Online, Capacity = 20,
                BookingOpensUtc = startUtc.AddDays(-30), BookingClosesUtc = startUtc.AddDays(-1), Trainer = "Sam Trainer", CreatedUtc = startUtc.AddDays(-30),
            };
            db.TrainingSessions.Add(session);
            for (var i = 0; i < count; i++)
            {
                var booking = new Booking
                {
                    Session = session, UserId = people[i].Id, Status = cancelled ? BookingStatus.Cancelled : BookingStatus.Confirmed, QueueNumber = i + 1,
                    AttendeeName = people[i].DisplayName, AttendeeEmail = people[i].Email!, AgencyId = agency, JobRole = "Health visitor",
                    RequestedUtc = startUtc.AddDays(-10), CalendarUid = Guid.NewGuid(),
                };
                if (!cancelled)
                {
                    booking.Attendance = new AttendanceRecord { Outcome = outcomes[i], RecordedUtc = startUtc.AddHours(3) };
                }

                db.Bookings.Add(booking);
            }

            await db.SaveChangesAsync();
        });
        return people;
    }

    private async Task<(int A, int B, int C)> AgenciesAsync()
    {
        var agencies = await site.CreateAgenciesAsync("Training agency", 34, 960);
        foreach (var agency in agencies)
        {
            names[agency.Id] = agency.Name;
        }

        return (agencies[0].Id, agencies[1].Id, agencies[2].Id);
    }

    private Task<PortalClient> EditorAsync() => site.SignedInClientAsync("training-impact-editor", PortalRoles.Editor);
}
