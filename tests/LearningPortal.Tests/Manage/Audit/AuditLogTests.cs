using AngleSharp.Dom;

namespace LearningPortal.Tests.Manage.Audit;

public class AuditLogTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Audit_log_shows_entries_of_one_action_newest_first_with_uk_times()
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var action = UniqueAction();
        await SeedAsync(
            Entry(action, new DateTime(2026, 1, 10, 9, 0, 0, DateTimeKind.Utc), "older"),
            Entry(action, new DateTime(2026, 7, 10, 9, 0, 0, DateTimeKind.Utc), "newer"),
            Entry(UniqueAction(), new DateTime(2026, 8, 1, 9, 0, 0, DateTimeKind.Utc), "another action"));

        var page = await admin.GetDocumentAsync($"/manage/audit?actionType={action}");

        var rows = Rows(page);
        Assert.Equal(["newer", "older"], rows.Select(r => r[4]));
        Assert.Equal("10 July 2026 at 10am", rows[0][0]);
        Assert.Equal("10 January 2026 at 9am", rows[1][0]);
        Assert.Equal(["Audit Tester", "Test " + action["test.".Length..]], rows[0][1..3]);
        Assert.Contains(page.QuerySelectorAll("#ActionType option"), o => o.GetAttribute("value") == action && o.HasAttribute("selected"));
    }

    [Fact]
    public async Task Audit_log_filters_by_subject_name_email_or_agency()
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var subject = await site.CreateNamedUserAsync("Audrey Subjectson");
        var bystander = await site.CreateNamedUserAsync("Bertie Bystander");
        var agency = await site.CreateAgencyAsync("Subjectville Probation");
        var when = new DateTime(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);
        await SeedAsync(
            Entry("test.user", when, "about Audrey", "user", subject.Id),
            Entry("test.user", when, "about Bertie", "user", bystander.Id),
            Entry("test.agency", when, "about the agency", "agency", agency.Id.ToString()));

        var byName = await admin.GetDocumentAsync("/manage/audit?subject=audrey+subjectson");
        var byEmail = await admin.GetDocumentAsync("/manage/audit?subject=" + Uri.EscapeDataString(subject.Email!));
        var byId = await admin.GetDocumentAsync("/manage/audit?subject=" + subject.Id);
        var byAgency = await admin.GetDocumentAsync("/manage/audit?subject=subjectville");

        foreach (var page in new[] { byName, byEmail, byId })
        {
            var row = Assert.Single(Rows(page));
            Assert.Equal("about Audrey", row[4]);
            Assert.Equal($"Audrey Subjectson ({subject.Email})", row[3]);
        }

        Assert.Equal($"/manage/users/{subject.Id}", byName.QuerySelector("tbody td a")!.GetAttribute("href"));
        var agencyRow = Assert.Single(Rows(byAgency));
        Assert.Equal(["Subjectville Probation (agency)", "about the agency"], agencyRow[3..5]);
    }

    [Fact]
    public async Task Audit_log_date_range_takes_whole_uk_days()
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var action = UniqueAction();
        await SeedAsync(
            Entry(action, new DateTime(2026, 6, 30, 22, 30, 0, DateTimeKind.Utc), "30 June, 11:30pm in the UK"),
            Entry(action, new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc), "1 July, 12:30am in the UK"),
            Entry(action, new DateTime(2026, 7, 1, 22, 59, 0, DateTimeKind.Utc), "1 July, 11:59pm in the UK"),
            Entry(action, new DateTime(2026, 7, 1, 23, 0, 0, DateTimeKind.Utc), "2 July, midnight in the UK"));

        var oneDay = await admin.GetDocumentAsync($"/manage/audit?actionType={action}&From.Day=1&From.Month=7&From.Year=2026&To.Day=1&To.Month=7&To.Year=2026");
        var fromOnly = await admin.GetDocumentAsync($"/manage/audit?actionType={action}&From.Day=02&From.Month=07&From.Year=2026");

        Assert.Equal(["1 July, 11:59pm in the UK", "1 July, 12:30am in the UK"], Rows(oneDay).Select(r => r[4]));
        Assert.Equal(["2 July, midnight in the UK"], Rows(fromOnly).Select(r => r[4]));
    }

    [Fact]
    public async Task Audit_log_explains_dates_it_cannot_use()
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);

        var notReal = await admin.GetDocumentAsync("/manage/audit?From.Day=31&From.Month=2&From.Year=2026");
        var backwards = await admin.GetDocumentAsync("/manage/audit?From.Day=2&From.Month=3&From.Year=2026&To.Day=1&To.Month=3&To.Year=2026");

        Assert.Contains("From date must be a real date", ManageTestData.ErrorSummary(notReal));
        Assert.Equal("31", notReal.QuerySelector<IHtmlInputElement>("#From")!.Value);
        Assert.Equal("2", notReal.QuerySelector<IHtmlInputElement>("#From-month")!.Value);
        Assert.Contains("To date must be the same as or after the from date", ManageTestData.ErrorSummary(backwards));
    }

    [Fact]
    public async Task Audit_log_is_paged_fifty_entries_at_a_time()
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var action = UniqueAction();
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        await SeedAsync(Enumerable.Range(1, 52).Select(i => Entry(action, start.AddHours(i), $"entry {i}")).ToArray());

        var first = await admin.GetDocumentAsync($"/manage/audit?actionType={action}");
        var second = await admin.GetDocumentAsync(first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!);

        Assert.Equal(50, Rows(first).Count);
        Assert.Equal("entry 52", Rows(first)[0][4]);
        Assert.Equal(["entry 2", "entry 1"], Rows(second).Select(r => r[4]));
    }

    [Fact]
    public async Task A_change_made_on_any_page_is_audited_by_user_id_and_shown_with_the_persons_current_name()
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var data = new LearningPortal.Tests.Training.TrainingData(site);
        var session = await data.SessionAsync();
        var practitioner = await site.CreateNamedUserAsync("Priya Before");
        var client = site.CreatePortalClient();
        await client.SignInAsync(practitioner.Email!);
        var booked = await data.BookAsync(session, practitioner);

        await client.SubmitFormAsync($"/training/my/{booked.Value!.BookingId}/cancel", new Dictionary<string, string>());
        await site.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == practitioner.Id);
            user.DisplayName = "Priya After";
            await db.SaveChangesAsync();
        });
        var page = await admin.GetDocumentAsync("/manage/audit?actionType=training.booking.cancelled");

        var entry = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().AuditEntries
            .SingleAsync(e => e.Action == "training.booking.cancelled" && e.SubjectId == booked.Value!.BookingId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(practitioner.Id, entry.ActorUserId);
        Assert.Equal("Priya Before", entry.ActorName);
        Assert.Contains(Rows(page), r => r[1] == "Priya After");
        Assert.DoesNotContain(Rows(page), r => r[1] == practitioner.Email || r[1] == "Priya Before");
    }

    private static string UniqueAction() => "test.action-" + Guid.NewGuid().ToString("N")[..8];

    private static AuditEntry Entry(string action, DateTime occurredUtc, string details, string subjectType = "test", string subjectId = "1") =>
        new()
        {
            Action = action,
            OccurredUtc = occurredUtc,
            Details = details,
            ActorName = "Audit Tester",
            SubjectType = subjectType,
            SubjectId = subjectId,
        };

    private Task SeedAsync(params AuditEntry[] entries) =>
        site.WithDbAsync(async db =>
        {
            db.AuditEntries.AddRange(entries);
            await db.SaveChangesAsync();
        });

    private static List<List<string>> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
}
