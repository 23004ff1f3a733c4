using AngleSharp.Dom;

namespace LearningPortal.Tests.Manage.Content;

public class ContentEditorPagesTests(ContentSite site) : IClassFixture<ContentSite>
{
    [Fact]
    public async Task A_briefing_created_through_the_forms_is_a_draft_that_readers_cannot_see()
    {
        var (_, editor) = await site.EditorAsync();

        var id = await editor.CreateBriefingAsync("Forms briefing", "forms-briefing");

        var page = await editor.GetDocumentAsync($"/manage/content/{id}");
        Assert.Contains("Draft saved as version 1", ManageTestData.SuccessBanner(page));
        Assert.Equal("Forms briefing", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input-Title")!.Value);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreatePortalClient().GetAsync("/learning/forms-briefing")).StatusCode);
        var list = await editor.GetDocumentAsync("/manage/content?q=forms+briefing&type=learning-briefing&state=draft");
        var row = list.QuerySelectorAll("tbody tr").Single();
        Assert.Contains("Forms briefing", row.TextContent);
        Assert.Contains("Draft", row.TextContent);
    }

    [Fact]
    public async Task The_content_list_shows_the_page_asked_for()
    {
        var (_, editor) = await site.EditorAsync("content-paging");
        for (var i = 1; i <= 27; i++)
        {
            await site.CreateAsync(Build.Briefing($"Pagination check {i:00}"));
        }

        var first = await editor.GetDocumentAsync("/manage/content?q=pagination+check&type=&state=&page=1");
        var second = await editor.GetDocumentAsync("/manage/content?q=pagination+check&type=&state=&page=2");

        var firstTitles = first.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        var secondTitles = second.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(25, firstTitles.Count);
        Assert.Equal(2, secondTitles.Count);
        Assert.Empty(secondTitles.Intersect(firstTitles));
    }

    [Fact]
    public async Task The_audit_date_takes_a_month_and_year_without_a_day()
    {
        var (_, editor) = await site.EditorAsync("audit-month");

        var form = await editor.GetDocumentAsync("/manage/content/new/learning-briefing");
        var id = await editor.CreateBriefingAsync("Month and year", "month-and-year", f =>
        {
            f["Input.Audit.Month"] = "11";
            f["Input.Audit.Year"] = "2024";
        });

        Assert.NotNull(form.QuerySelector("input[name='Input.Audit.Month']"));
        Assert.NotNull(form.QuerySelector("input[name='Input.Audit.Year']"));
        Assert.Null(form.QuerySelector("input[name='Input.Audit.Day']"));
        var document = await site.DocumentAsync(id);
        var version = await site.WithScopeAsync(sp => sp.GetRequiredService<LearningPortal.Core.Data.PortalDbContext>().DocumentVersions
            .Where(v => v.DocumentId == id).Select(v => v.FieldsJson).SingleAsync());
        var fields = (LearningPortal.Core.Content.Fields.LearningBriefingFields)LearningPortal.Core.Content.Fields.DocumentTypes.ReadFields(LearningPortal.Core.Content.DocumentType.LearningBriefing, version);
        Assert.Equal(new DateOnly(2024, 11, 1), fields.AuditDate);
        var edit = await editor.GetDocumentAsync($"/manage/content/{document.Id}");
        Assert.Equal("11", edit.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input-Audit")!.Value);
    }

    [Fact]
    public async Task Preview_shows_the_unsaved_draft_rendered_with_a_preview_banner()
    {
        var (_, editor) = await site.EditorAsync();
        var form = BackOfficeContent.BriefingForm("Preview briefing", "preview-briefing");
        form["Intent"] = "preview";
        form["Input.Body"] = "## Unsaved heading\n\nUnsaved words <script>alert(1)</script>";

        var response = await editor.SubmitFormAsync("/manage/content/new/learning-briefing", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("This is a preview", page.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Contains(page.QuerySelectorAll(".lp-preview h2"), h => h.TextContent.Contains("Unsaved heading", StringComparison.Ordinal));
        Assert.Contains("How do you recognise neglect?", page.QuerySelector(".lp-preview")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".lp-preview script"));
        Assert.Equal("## Unsaved heading\n\nUnsaved words <script>alert(1)</script>", page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#Input-Body")!.Value);
        Assert.Empty(await site.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<LearningPortal.Core.Data.PortalDbContext>().Documents.Where(d => d.Slug == "preview-briefing").ToList())));
    }

    [Fact]
    public async Task Publish_now_puts_the_briefing_on_its_public_page()
    {
        var (_, editor) = await site.EditorAsync();
        var form = BackOfficeContent.BriefingForm("Published through forms", "published-through-forms");
        form["Intent"] = "publish";

        var response = await editor.SubmitFormAsync("/manage/content/new/learning-briefing", form);

        var publishPage = await editor.FollowAsync(response);
        Assert.Contains("is published", ManageTestData.SuccessBanner(publishPage));
        var reader = await site.CreatePortalClient().GetDocumentAsync("/learning/published-through-forms");
        Assert.Contains("Published through forms", reader.QuerySelector("h1")!.TextContent);
        Assert.Contains("Who do you share concerns with?", reader.Body!.TextContent);
    }

    [Fact]
    public async Task An_empty_form_shows_an_error_summary_linking_to_the_fields_and_keeps_what_was_typed()
    {
        var (_, editor) = await site.EditorAsync();

        var response = await editor.SubmitFormAsync("/manage/content/new/learning-briefing", new Dictionary<string, string>
        {
            ["Input.Summary"] = "Kept summary",
            ["Input.Audit.Month"] = "13",
            ["Input.Audit.Year"] = "2025",
            ["Intent"] = "save",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var links = page.QuerySelectorAll(".govuk-error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Contains(("#Input-Title", "Enter a title"), links);
        Assert.Contains(("#Input-Audit", "Date of the audit must be a real date"), links);
        Assert.Contains(links, l => l.Item1 == "#Input-Themes");
        Assert.NotNull(page.QuerySelector("#Input-Title"));
        Assert.Equal("Kept summary", page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#Input-Summary")!.Value);
        Assert.Equal("13", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input-Audit")!.Value);
        Assert.Null(page.QuerySelector("input[name='Input.Audit.Day']"));
    }

    [Fact]
    public async Task Questions_for_reflection_keep_their_identity_when_reworded_and_new_ones_get_new_ids()
    {
        var (_, editor) = await site.EditorAsync();
        var id = await editor.CreateBriefingAsync("Stable questions", "stable-questions");
        var before = await site.QuestionsAsync(id, 1);

        var response = await editor.SubmitFormAsync($"/manage/content/{id}", new Dictionary<string, string>
        {
            ["Input.Questions[0].Text"] = "How do you recognise neglect early?",
            ["Input.Questions[2].Text"] = "What will you do differently?",
            ["Intent"] = "save",
        });

        await editor.FollowAsync(response);
        var after = await site.QuestionsAsync(id, 2);
        Assert.Equal(3, after.Count);
        Assert.Equal(before[0].QuestionId, after[0].QuestionId);
        Assert.Equal("How do you recognise neglect early?", after[0].Text);
        Assert.Equal(before[1].QuestionId, after[1].QuestionId);
        Assert.DoesNotContain(after[2].QuestionId, before.Select(q => q.QuestionId));
        Assert.NotEqual(Guid.Empty, after[2].QuestionId);
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_who_saved_first_and_keeps_the_text()
    {
        var (_, first) = await site.EditorAsync("first");
        var (_, second) = await site.EditorAsync("second");
        var id = await first.CreateBriefingAsync("Two editors", "two-editors");
        var secondsPage = await second.GetDocumentAsync($"/manage/content/{id}");
        await first.FollowAsync(await first.SubmitFormAsync($"/manage/content/{id}", new Dictionary<string, string> { ["Input.Title"] = "Two editors (first)", ["Intent"] = "save" }));

        var response = await second.SubmitFormAsync(secondsPage, $"/manage/content/{id}", new Dictionary<string, string> { ["Input.Title"] = "Two editors (second)", ["Intent"] = "save" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Matches("saved version 2 at .* while you were editing", ManageTestData.ErrorSummary(page));
        Assert.Equal("Two editors (second)", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input-Title")!.Value);
        Assert.Equal("Two editors (first)", (await site.DocumentAsync(id)).Title);
        Assert.Equal(2, (await site.DocumentAsync(id)).LatestVersionNumber);
    }

    [Fact]
    public async Task A_schedule_entered_in_UK_summer_time_is_stored_in_UTC()
    {
        var (_, editor) = await site.EditorAsync();
        var id = await editor.CreateBriefingAsync("Scheduled summer", "scheduled-summer");

        var response = await editor.SubmitFormAsync($"/manage/content/{id}/publish", new Dictionary<string, string>
        {
            ["Schedule.Action"] = "publish",
            ["Schedule.When.Day"] = "1",
            ["Schedule.When.Month"] = "7",
            ["Schedule.When.Year"] = "2030",
            ["Schedule.When.Time"] = "09:30",
        }, "#schedule-form");

        var page = await editor.FollowAsync(response);
        Assert.Contains("will be published on 1 July 2030 at 9:30am", ManageTestData.SuccessBanner(page));
        var schedule = Assert.Single(await site.SchedulesAsync(id));
        Assert.Equal(new DateTime(2030, 7, 1, 8, 30, 0, DateTimeKind.Utc), schedule.DueUtc);
        Assert.Equal("1 July 2030 at 9:30am", BackOfficeContent.Text(page, ".schedule-due"));
    }

    [Fact]
    public async Task A_schedule_with_an_impossible_time_is_refused_on_the_form()
    {
        var (_, editor) = await site.EditorAsync();
        var id = await editor.CreateBriefingAsync("Bad schedule", "bad-schedule");

        var response = await editor.SubmitFormAsync($"/manage/content/{id}/publish", new Dictionary<string, string>
        {
            ["Schedule.Action"] = "publish",
            ["Schedule.When.Day"] = "1",
            ["Schedule.When.Month"] = "7",
            ["Schedule.When.Year"] = "2030",
            ["Schedule.When.Time"] = "25:00",
        }, "#schedule-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a real time, for example 9:30am or 14:00", ManageTestData.ErrorSummary(await PortalClient.ParseAsync(response)));
        Assert.Empty(await site.SchedulesAsync(id));
    }

    [Fact]
    public async Task Editor_actions_are_audit_logged()
    {
        var (user, editor) = await site.EditorAsync();
        var form = BackOfficeContent.BriefingForm("Audited briefing", "audited-briefing");
        form["Intent"] = "publish";
        await editor.FollowAsync(await editor.SubmitFormAsync("/manage/content/new/learning-briefing", form));
        var id = (await site.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<LearningPortal.Core.Data.PortalDbContext>().Documents.Single(d => d.Slug == "audited-briefing").Id)));

        var entries = await site.AuditEntriesAsync("document", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains(entries, e => e.Action == "content.created" && e.ActorUserId == user.Id);
        Assert.Contains(entries, e => e.Action.Contains("publish", StringComparison.Ordinal) && e.ActorUserId == user.Id);
    }
}
