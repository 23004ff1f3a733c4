using AngleSharp.Dom;
using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Feedback;
using LearningPortal.Core.Impact;
using LearningPortal.Core.Supervision;
using LearningPortal.Tests.Feedback;
using LearningPortal.Tests.Manage;
using LearningPortal.Tests.Supervision;

namespace LearningPortal.Tests.Impact;

/// <summary>
/// /manage/impact/report: one reporting year (April to March) with every objective and every briefing read or discussed
/// in it, the same figures and the same suppression as the briefing and objective pages for those months, the year's
/// outcome figures only, a CSV behind every table, unique ids, and nobody named.
/// </summary>
public class ImpactReportTests(SupervisionSite site) : IClassFixture<SupervisionSite>
{
    private const string Year = "year=2024"; // April 2024 to March 2025
    private const string Months = "from=2024-04&to=2025-03";
    private readonly SupervisionData data = new(site);
    private readonly TrainingData training = new(site);
    private readonly FeedbackData feedback = new(site);

    [Fact]
    public async Task The_report_gathers_a_year_of_objectives_and_briefings_with_their_pages_figures_and_suppression()
    {
        var (busy, _) = await data.BriefingAsync("Report busy " + Guid.NewGuid().ToString("N")[..6]);
        var (discussed, _) = await data.BriefingAsync("Report discussed " + Guid.NewGuid().ToString("N")[..6]);
        var (quiet, _) = await data.BriefingAsync("Report quiet " + Guid.NewGuid().ToString("N")[..6]);
        var (a, b, c) = await AgenciesAsync();
        var people = new List<PortalUser>();
        for (var i = 0; i < 3; i++)
        {
            people.Add(await data.PersonAsync("report-reflecting"));
        }

        var reader = await data.PersonAsync("report-reader");
        var objective = Guid.NewGuid();
        await site.WithDbAsync(async db =>
        {
            // Readers in March 2025: 1 in a, 4 in b, 5 in c (the 4 must hide too, or 10 - 4 - 5 gives the 1 away), and
            // 2 in April 2025, the next reporting year, which the report leaves out.
            ImpactTestData.AddRead(db, new BriefingRead { DocumentId = busy.DocumentId, UserId = reader.Id, AgencyId = a, Day = new DateOnly(2025, 3, 3) });
            AddReads(db, busy.DocumentId, b, 4, new DateOnly(2025, 3, 10));
            AddReads(db, busy.DocumentId, c, 5, new DateOnly(2025, 3, 10));
            AddReads(db, busy.DocumentId, c, 2, new DateOnly(2025, 4, 2));
            db.Objectives.Add(new Objective { Id = objective, Title = "Report objective " + objective.ToString("N")[..6], Number = 77, StrategyDocumentId = 0 });
            db.ObjectiveLinks.Add(new ObjectiveLink { ObjectiveId = objective, Kind = ObjectiveLinkKind.Briefing, TargetId = busy.DocumentId });
            db.ObjectiveLinks.Add(new ObjectiveLink { ObjectiveId = objective, Kind = ObjectiveLinkKind.Briefing, TargetId = discussed.DocumentId });
            db.OutcomeFigures.Add(new OutcomeFigure { ObjectiveId = objective, Measure = "Re-referrals within 12 months", QuarterStart = new DateOnly(2025, 1, 1), Value = 31, Source = "Performance report", Version = 1 });
            db.OutcomeFigures.Add(new OutcomeFigure { ObjectiveId = objective, Measure = "Re-referrals within 12 months", QuarterStart = new DateOnly(2025, 4, 1), Value = 4444, Source = "Performance report", Version = 1 });
            await db.SaveChangesAsync();
            // Discussions of the second briefing, nobody reading it: 2 group (hidden) and 1 one-to-one (hidden, and so hides with them).
            await ImpactSectionsTests.AddDiscussionAsync(db, discussed.DocumentId, DiscussionKind.Group, new DateOnly(2025, 2, 3), c, people[0], (2, 4), done: true);
            await ImpactSectionsTests.AddDiscussionAsync(db, discussed.DocumentId, DiscussionKind.Group, new DateOnly(2025, 2, 4), c, people[1], (2, 3), done: false);
            await ImpactSectionsTests.AddDiscussionAsync(db, discussed.DocumentId, DiscussionKind.OneToOne, new DateOnly(2024, 11, 4), c, people[2], (1, 3), done: true);
            await db.SaveChangesAsync();
        });

        using var client = await EditorAsync();
        var report = await client.GetDocumentAsync($"/manage/impact/report?{Year}");
        Assert.Equal("Learning and its impact, April 2024 to March 2025", report.QuerySelector("h1")!.TextContent.Trim());

        // Every briefing in the summary, quiet ones too; the same line as /manage/impact for those months.
        var index = await client.GetDocumentAsync($"/manage/impact?{Months}");
        foreach (var slug in new[] { busy.Slug, discussed.Slug, quiet.Slug })
        {
            Assert.Equal(Cells(index, $"#reach-table tr[data-slug='{slug}']"), Cells(report, $"#all-briefings-table tr[data-slug='{slug}']"));
        }

        Assert.Equal(["10", "0", "0"], Cells(report, $"#all-briefings-table tr[data-slug='{busy.Slug}']"));

        // A section for each briefing read or discussed in the year, exactly as its own page shows it for the year.
        Assert.Null(report.QuerySelector($"section[data-slug='{quiet.Slug}']"));
        var busyPage = await client.GetDocumentAsync($"/manage/impact/briefings/{busy.Slug}?{Months}");
        var busyAt = $"#briefing-{busy.DocumentId}-";
        Assert.Equal(Cells(busyPage, "#agency-table tbody"), Cells(report, busyAt + "agency-table tbody"));
        Assert.Equal(Cells(busyPage, "#month-table tbody"), Cells(report, busyAt + "month-table tbody"));
        var agencyRows = report.QuerySelectorAll(busyAt + "agency-table tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td")[0].TextContent.Trim());
        var names = await data.WithDbAsync(db => Task.FromResult(new[] { a, b, c }.Select(id => db.Agencies.Single(x => x.Id == id).Name).ToArray()));
        Assert.Equal("fewer than 3", agencyRows[names[0]]);
        Assert.Equal("fewer than 3", agencyRows[names[1]]);
        Assert.Equal("5", agencyRows[names[2]]);
        Assert.Equal("10", agencyRows["All agencies"]);

        var discussedPage = await client.GetDocumentAsync($"/manage/impact/briefings/{discussed.Slug}?{Months}");
        var discussedAt = $"#briefing-{discussed.DocumentId}-";
        Assert.NotNull(report.QuerySelector($"section[data-slug='{discussed.Slug}']"));
        Assert.Equal(["fewer than 3", "fewer than 3", "0", "3"], Cells(report, discussedAt + "discussion-table tbody"));
        Assert.Equal(Cells(discussedPage, "#discussion-month-table tbody"), Cells(report, discussedAt + "discussion-month-table tbody"));
        Assert.Equal(Cells(discussedPage, "#reflection-table tbody"), Cells(report, discussedAt + "reflection-table tbody"));

        // The objective: its briefings, reflection and actions as its page shows them, and the year's outcome figures only.
        var objectivePage = await client.GetDocumentAsync($"/manage/impact/objectives/{objective}?{Months}");
        var objectiveAt = $"#objective-{objective:N}-";
        Assert.Equal(Cells(objectivePage, "#briefings-table tbody"), Cells(report, objectiveAt + "briefings-table tbody"));
        Assert.Equal(Cells(objectivePage, "#discussion-table tbody"), Cells(report, objectiveAt + "discussion-table tbody"));
        Assert.Equal(Cells(objectivePage, "#reflection-table tbody"), Cells(report, objectiveAt + "reflection-table tbody"));
        var section = report.QuerySelector($"section[data-objective='{objective}']")!;
        Assert.Contains("31", section.QuerySelector("table[data-measure='Re-referrals within 12 months']")!.TextContent);
        Assert.DoesNotContain("4,444", section.TextContent);

        // Every id once (each section is the same partial many times over), and every table's CSV answers.
        var ids = report.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var csvLinks = report.QuerySelectorAll("a[href*='handler=Csv']").Select(l => l.GetAttribute("href")!).Distinct().ToList();
        Assert.Contains(csvLinks, l => l.StartsWith($"/manage/impact/briefings/{busy.Slug}?handler=Csv&table=agency&{Months}", StringComparison.Ordinal));
        Assert.Contains(csvLinks, l => l.StartsWith($"/manage/impact/objectives/{objective}?handler=Csv&table=outcomes&{Months}", StringComparison.Ordinal));
        var texts = new List<string> { report.DocumentElement.OuterHtml };
        foreach (var link in csvLinks)
        {
            using var response = await client.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode}");
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            texts.Add(await response.Content.ReadAsStringAsync());
        }

        var agencyCsv = await (await client.GetAsync($"/manage/impact/briefings/{busy.Slug}?handler=Csv&table=agency&{Months}")).Content.ReadAsStringAsync();
        Assert.Contains($"{names[1]},fewer than 3", agencyCsv);
        Assert.Contains("All agencies,10", agencyCsv);

        // Nobody is named: not a reader, not anyone in a discussion.
        foreach (var text in texts)
        {
            Assert.All(people.Append(reader), p => Assert.DoesNotContain(p.Email!, text));
            Assert.All(people.Append(reader), p => Assert.DoesNotContain(p.DisplayName, text));
        }
    }

    [Fact]
    public async Task The_reports_training_and_feedback_for_an_objective_and_a_briefing_are_their_pages_for_the_year()
    {
        // Feedback is dated when it is given, so this uses the current reporting year (so far).
        var today = SupervisionData.Today();
        var current = today.Month >= 4 ? today.Year : today.Year - 1;
        var months = $"from={current}-04&to={current + 1}-03";
        var (briefing, _) = await data.BriefingAsync("Report training " + Guid.NewGuid().ToString("N")[..6]);
        var (a, b, _) = await AgenciesAsync();
        var course = await training.CourseAsync();
        var objective = Guid.NewGuid();
        var start = DateTime.UtcNow.AddHours(-6);
        var places = new[] { (a, AttendanceOutcome.Attended), (b, AttendanceOutcome.Attended), (b, AttendanceOutcome.Attended), (b, AttendanceOutcome.Attended), (b, AttendanceOutcome.DidNotAttend) };
        var trained = new List<PortalUser>();
        foreach (var (agency, _) in places)
        {
            trained.Add((await training.PeopleAsync(1, agency, "report-trained"))[0]);
        }

        await site.WithDbAsync(async db =>
        {
            db.Objectives.Add(new Objective { Id = objective, Title = "Report training objective " + objective.ToString("N")[..6], Number = 78, StrategyDocumentId = 0 });
            db.ObjectiveLinks.Add(new ObjectiveLink { ObjectiveId = objective, Kind = ObjectiveLinkKind.Briefing, TargetId = briefing.DocumentId });
            db.ObjectiveLinks.Add(new ObjectiveLink { ObjectiveId = objective, Kind = ObjectiveLinkKind.Course, TargetId = course.Id });
            ImpactTestData.AddRead(db, new BriefingRead { DocumentId = briefing.DocumentId, UserId = null, AgencyId = a, Day = today });

            // One place in a (hidden), four in b: three attended, one did not.
            var session = new TrainingSession
            {
                CourseId = course.Id, StartUtc = start, EndUtc = start.AddHours(3), Format = SessionFormat.Online, Capacity = 20,
                BookingOpensUtc = start.AddDays(-30), BookingClosesUtc = start.AddDays(-1), Trainer = "Sam Trainer", CreatedUtc = start.AddDays(-30),
            };
            db.TrainingSessions.Add(session);
            for (var i = 0; i < places.Length; i++)
            {
                var person = trained[i];
                db.Bookings.Add(new Booking
                {
                    Session = session, UserId = person.Id, Status = BookingStatus.Confirmed, QueueNumber = i + 1,
                    AttendeeName = person.DisplayName, AttendeeEmail = person.Email!, AgencyId = places[i].Item1, JobRole = "Health visitor",
                    RequestedUtc = start.AddDays(-10), CalendarUid = Guid.NewGuid(),
                    Attendance = new AttendanceRecord { Outcome = places[i].Item2, RecordedUtc = start.AddHours(3) },
                });
            }

            await db.SaveChangesAsync();
        });
        await site.WithScopeAsync(sp => sp.GetRequiredService<ImpactRebuild>().RunAsync());

        // Three responses on the briefing from b, one from a (hidden, and its averages with it).
        var form = await feedback.FormAsync(anonymous: false, required: false);
        foreach (var (agency, count, rating) in new[] { (b, 3, 4), (a, 1, 2) })
        {
            foreach (var person in await training.PeopleAsync(count, agency, "report-feedback"))
            {
                var values = FeedbackData.Answers(form, rating: rating, before: 2, after: 4);
                Assert.Equal(Submission.Saved, (await feedback.SubmitAsync(form, person, values, FeedbackPlace.Briefing(briefing.DocumentId))).Value);
            }
        }

        using var client = await EditorAsync();
        var report = await client.GetDocumentAsync($"/manage/impact/report?year={current}");
        var briefingPage = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Slug}?{months}");
        var objectivePage = await client.GetDocumentAsync($"/manage/impact/objectives/{objective}?{months}");
        var briefingAt = $"#briefing-{briefing.DocumentId}-";
        var objectiveAt = $"#objective-{objective:N}-";

        // The figures are there to compare (not two empty tables): 5 places, 4 responses.
        Assert.Equal("5", Cells(briefingPage, "#training-table tbody tr:last-child")[0]);
        Assert.Equal("4", Cells(briefingPage, "#feedback-agency-table tbody tr:last-child")[0]);

        // Cell for cell as the pages show them, suppression included, under ids unique to each section.
        Assert.Equal(Cells(briefingPage, "#training-table tbody"), Cells(report, briefingAt + "training-table tbody"));
        Assert.Equal(Cells(briefingPage, "#feedback-agency-table tbody"), Cells(report, briefingAt + "feedback-agency-table tbody"));
        Assert.Equal(Cells(objectivePage, "#training-table tbody"), Cells(report, objectiveAt + "training-table tbody"));
        Assert.Equal(Cells(objectivePage, "#feedback-source-table tbody"), Cells(report, objectiveAt + "feedback-source-table tbody"));
        Assert.Equal("h3", report.QuerySelector(briefingAt + "training")!.LocalName);
        Assert.Equal("h3", report.QuerySelector(objectiveAt + "feedback")!.LocalName);
        var ids = report.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        // Their CSV links are the pages' own for the year's months, and answer.
        foreach (var link in new[]
        {
            $"/manage/impact/briefings/{briefing.Slug}?handler=Csv&table=training&{months}",
            $"/manage/impact/objectives/{objective}?handler=Csv&table=feedback-agency&{months}",
        })
        {
            Assert.NotNull(report.QuerySelector($"a[href='{link}']"));
            using var response = await client.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_year_outside_the_list_is_an_error_and_the_last_complete_year_is_the_default()
    {
        using var client = await EditorAsync();
        var wrong = await client.GetDocumentAsync("/manage/impact/report?year=1999");
        Assert.Contains("Select a reporting year from the list", wrong.QuerySelector(".govuk-error-summary")!.TextContent);

        var today = SupervisionData.Today();
        var current = today.Month >= 4 ? today.Year : today.Year - 1;
        var page = await client.GetDocumentAsync("/manage/impact/report");
        Assert.Null(page.QuerySelector(".govuk-error-summary"));
        Assert.Equal($"Learning and its impact, April {current - 1} to March {current}", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal($"{current - 1}", page.QuerySelector("select#Year option[selected]")!.GetAttribute("value"));

        var index = await client.GetDocumentAsync("/manage/impact");
        Assert.Equal("/manage/impact/report", index.QuerySelector("#report-link")!.GetAttribute("href"));
    }

    private static void AddReads(Core.Data.PortalDbContext db, int documentId, int agencyId, int count, DateOnly from)
    {
        // Reads of people whose accounts are gone (no person), one a day.
        for (var i = 0; i < count; i++)
        {
            ImpactTestData.AddRead(db, new BriefingRead { DocumentId = documentId, UserId = null, AgencyId = agencyId, Day = from.AddDays(i) });
        }
    }

    private static string[] Cells(IDocument page, string selector) =>
        [.. page.QuerySelectorAll($"{selector} td").Select(td => td.TextContent.Trim())];

    private async Task<(int A, int B, int C)> AgenciesAsync()
    {
        var agencies = await site.CreateAgenciesAsync("Report agency", 30, 970);
        return (agencies[0].Id, agencies[1].Id, agencies[2].Id);
    }

    private Task<PortalClient> EditorAsync() => site.SignedInClientAsync("report-editor", PortalRoles.Editor);
}
