namespace LearningPortal.Tests.Feedback;

[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public partial class FeedbackJourneyBrowserTests(ContentSite site, BrowserFixture browser) : IClassFixture<ContentSite>
{
    [Fact]
    public async Task Editor_builds_a_briefing_form_two_practitioners_and_an_attendee_answer_and_the_analysis_shows_it()
    {
        var editor = await site.CreateUserAsync(TestUsers.UniqueEmail("editor"), TestUsers.Password, PortalRoles.Editor);
        var readers = new[] { await site.CreateUserAsync(TestUsers.UniqueEmail("reader")), await site.CreateUserAsync(TestUsers.UniqueEmail("reader")) };
        var briefingSlug = Build.Slug("home-conditions");
        var briefing = await site.PublishNewAsync(Build.Briefing("Home conditions: audit learning"), briefingSlug);

        // An Editor builds an anonymous form.
        var page = await SignedInPageAsync(editor.Email!);
        await page.GotoAsync("/manage");
        await page.GetByRole(AriaRole.Link, new() { Name = "Feedback", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/manage/feedback");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a form" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "Create a form" })).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create form" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the name of the form");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Home conditions feedback");
        await page.GetByLabel("Web address", new() { Exact = true }).FillAsync("home-conditions-feedback");
        await page.GetByLabel("Anonymous: no name or account is stored with the answers").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create form" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Form created");
        await page.AssertNoAxeViolationsAsync();
        var formPath = new Uri(page.Url).AbsolutePath;

        await AddQuestionAsync(page, "Rating (1 to 5)", "How useful was this briefing?", required: true, check: true);
        await AddQuestionAsync(page, "Confidence before and after", "How confident are you in recognising neglect at home?", required: true);
        await AddQuestionAsync(page, "Long text", "What will you do differently?", required: false);
        await Assertions.Expect(page.Locator(".govuk-summary-card")).ToHaveCountAsync(3);

        // A new form is a draft: the Editor previews it as respondents will see it, then opens it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You cannot send answers from a preview");
        await page.AssertNoAxeViolationsAsync();
        await page.GotoAsync(formPath);
        await page.GetByRole(AriaRole.Link, new() { Name = "Change status" }).ClickAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Open: people can answer it", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save status" }).ClickAsync();
        await Assertions.Expect(page.Locator("#form-status")).ToHaveTextAsync("Open");

        // ...and attaches it to the briefing.
        await page.GotoAsync($"/manage/content/{briefing.DocumentId}");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Feedback form", new() { Exact = true }).SelectOptionAsync("home-conditions-feedback");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToBeVisibleAsync();

        // Two practitioners answer from the end of the briefing; the form is anonymous.
        int[] ratings = [5, 3, 4];
        for (var i = 0; i < readers.Length; i++)
        {
            var reader = await SignedInPageAsync(readers[i].Email!);
            await reader.GotoAsync($"/learning/{briefingSlug}");
            await reader.AssertNoAxeViolationsAsync();
            await reader.GetByRole(AriaRole.Button, new() { Name = "Give feedback on this briefing" }).ClickAsync();
            await reader.WaitForURLAsync("**/feedback/home-conditions-feedback?briefing=*");
            await Assertions.Expect(reader.Locator(".govuk-caption-l")).ToHaveTextAsync("Home conditions: audit learning");
            await reader.AssertNoAxeViolationsAsync();
            if (i == 0)
            {
                await reader.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
                await Assertions.Expect(reader.Locator(".govuk-error-summary")).ToContainTextAsync("Select an answer to: How useful was this briefing?");
                await reader.AssertNoAxeViolationsAsync();
            }

            await reader.GetByLabel(ratings[i] == 5 ? "5 - Excellent" : "3 - Good").CheckAsync();
            await reader.GetByRole(AriaRole.Group, new() { Name = "Before" }).GetByLabel("2 - Slightly confident").CheckAsync();
            await reader.GetByRole(AriaRole.Group, new() { Name = "Now" }).GetByLabel("4 - Confident").CheckAsync();
            await reader.GetByLabel("What will you do differently? (optional)").FillAsync(i == 0 ? "Look at the home during every visit" : "Ask about food in the home");
            await reader.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
            await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Thank you for your feedback" })).ToBeVisibleAsync();
            await reader.AssertNoAxeViolationsAsync();
        }

        // A visitor without an account answers too: the form is anonymous, so no sign-in is asked for.
        var visitor = await browser.NewPageAsync(site);
        await visitor.GotoAsync($"/learning/{briefingSlug}");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Give feedback on this briefing" }).ClickAsync();
        await visitor.WaitForURLAsync("**/feedback/home-conditions-feedback?briefing=*");
        await visitor.AssertNoAxeViolationsAsync();
        await visitor.GetByLabel("4 - Very good").CheckAsync();
        await visitor.GetByRole(AriaRole.Group, new() { Name = "Before" }).GetByLabel("2 - Slightly confident").CheckAsync();
        await visitor.GetByRole(AriaRole.Group, new() { Name = "Now" }).GetByLabel("4 - Confident").CheckAsync();
        await visitor.GetByLabel("What will you do differently? (optional)").FillAsync("Check the kitchen");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Thank you for your feedback" })).ToBeVisibleAsync();
        await visitor.AssertNoAxeViolationsAsync();

        // A session's attendee answers the (named) course evaluation from the link in their email, without signing in.
        var training = new TrainingData(site);
        var session = await training.SessionAsync();
        var attendee = await training.PersonAsync();
        var booked = await training.BookAsync(session, attendee);
        await training.MoveIntoPastAsync(session, TimeSpan.FromHours(4));
        await training.WithAsync<SessionRegister, Outcome<int>>(r => r.RecordAsync(session.Id, [new AttendanceMark(booked.Value!.BookingId, AttendanceOutcome.Attended)], TrainingData.Staff));
        var mail = await site.Smtp.WaitForMessageAsync(m => (m.Subject ?? "").StartsWith("Tell us what you thought", StringComparison.Ordinal) && m.To.Mailboxes.Any(a => a.Address == attendee.Email));
        var link = new Uri(FeedbackLink().Match(mail.TextBody ?? "").Value);
        var evaluation = await browser.NewPageAsync(site);
        await evaluation.GotoAsync(link.PathAndQuery);
        await evaluation.AssertNoAxeViolationsAsync();
        await evaluation.GetByLabel("4 - Very good").CheckAsync();
        await evaluation.GetByRole(AriaRole.Group, new() { Name = "Before" }).GetByLabel("1 - Not at all confident").CheckAsync();
        await evaluation.GetByRole(AriaRole.Group, new() { Name = "Now" }).GetByLabel("3 - Fairly confident").CheckAsync();
        await evaluation.GetByRole(AriaRole.Group, new() { Name = "Were the learning objectives met?" }).GetByLabel("Yes").CheckAsync();
        await evaluation.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await Assertions.Expect(evaluation.GetByRole(AriaRole.Heading, new() { Name = "Thank you for your feedback" })).ToBeVisibleAsync();
        await evaluation.AssertNoAxeViolationsAsync();

        // The analysis shows the right counts, and the chart's data table matches the answers.
        await page.GotoAsync(formPath + "/analysis");
        await page.AssertNoAxeViolationsAsync();
        await Assertions.Expect(page.Locator("#responses-count")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("#mean-1")).ToHaveTextAsync("4.0");
        await Assertions.Expect(page.Locator("#shift-2")).ToHaveTextAsync("+2.0");
        var rows = await page.Locator("#chart-1-table tbody tr").AllInnerTextsAsync();
        Assert.Equal(["1 - Poor\t0\t0%", "2 - Fair\t0\t0%", "3 - Good\t1\t33%", "4 - Very good\t1\t33%", "5 - Excellent\t1\t33%"], rows.Select(r => r.Trim()));
        await Assertions.Expect(page.Locator("svg[aria-labelledby='chart-1-title chart-1-desc'] desc"))
            .ToHaveTextAsync("1 - Poor: 0; 2 - Fair: 0; 3 - Good: 1; 4 - Very good: 1; 5 - Excellent: 1");
        await Assertions.Expect(page.Locator("#frequent-words")).ToContainTextAsync("home (2)");
        await Assertions.Expect(page.Locator("#frequent-words-source")).ToHaveTextAsync("Counted from all 3 comments shown by these filters.");
        await page.GetByLabel("Briefing", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Home conditions: audit learning" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page.Locator("#responses-count")).ToHaveTextAsync("3");
        await page.AssertNoAxeViolationsAsync();
        var print = page.GetByRole(AriaRole.Button, new() { Name = "Print this report" });
        await page.EvaluateAsync("() => { window.print = () => { window.lpPrinted = true; }; }");
        await print.ClickAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.lpPrinted === true"));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" })).ToBeHiddenAsync();
        await Assertions.Expect(print).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GotoAsync($"/manage/training/sessions/{session.Id}");
        await Assertions.Expect(page.Locator("#evaluation-responses")).ToHaveTextAsync("1 of 1 attendees (100%)");
        await page.AssertNoAxeViolationsAsync();

        // The briefing's answers carry no person; the evaluation's does.
        var stored = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().FeedbackResponses.AsNoTracking()
            .Select(r => new { r.DocumentId, r.SessionId, r.UserId }).ToListAsync());
        Assert.Equal(3, stored.Count(r => r.DocumentId == briefing.DocumentId && r.UserId == null));
        Assert.Single(stored, r => r.SessionId == session.Id && r.UserId == attendee.Id);
    }

    private static async Task AddQuestionAsync(IPage page, string type, string text, bool required, bool check = false)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a question" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "Add a question" })).ClickAsync();
        if (check)
        {
            await page.AssertNoAxeViolationsAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the type of question");
            await page.AssertNoAxeViolationsAsync();
        }

        await page.GetByLabel(type, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Question", new() { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Group, new() { Name = "Must people answer this question?" }).GetByLabel(required ? "Yes" : "No").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Question added");
        if (check)
        {
            await page.AssertNoAxeViolationsAsync();
        }
    }

    private async Task<IPage> SignedInPageAsync(string email)
    {
        var page = await browser.SignedInPageAsync(site, email);
        await page.WaitForURLAsync(site.BaseAddress.ToString());
        return page;
    }

    [GeneratedRegex(@"http\S+/feedback/\S+")]
    private static partial Regex FeedbackLink();
}
