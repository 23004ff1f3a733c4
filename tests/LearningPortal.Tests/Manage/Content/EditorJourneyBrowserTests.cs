using LearningPortal.Core.Content.Publishing;

namespace LearningPortal.Tests.Manage.Content;

[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class EditorJourneyBrowserTests(ContentSite site, BrowserFixture browser) : IClassFixture<ContentSite>
{
    [Fact]
    public async Task Editor_writes_previews_and_schedules_a_briefing_that_goes_live_and_a_Practitioner_reads_and_prints_it()
    {
        var editor = await site.CreateUserAsync(TestUsers.UniqueEmail("editor"), TestUsers.Password, PortalRoles.Editor);
        var practitioner = await site.CreateUserAsync(TestUsers.UniqueEmail("reader"), TestUsers.Password, PortalRoles.Practitioner);
        var page = await SignedInPageAsync(editor.Email!, "/manage");

        await page.GetByRole(AriaRole.Link, new() { Name = "Content", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/manage/content");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create content" }).ClickAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Learning briefing").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync("**/manage/content/new/learning-briefing");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a title");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Neglect in adolescence: audit learning");
        await page.GetByLabel("Address", new() { Exact = true }).FillAsync("neglect-in-adolescence");
        await page.GetByLabel("Summary", new() { Exact = true }).FillAsync("What a multi-agency audit found about neglect of teenagers.");
        await page.GetByLabel("Partnership", new() { Exact = true }).FillAsync("Riverside Safeguarding Children Partnership");
        await page.GetByLabel("Month", new() { Exact = true }).FillAsync("5");
        await page.GetByLabel("Year", new() { Exact = true }).FillAsync("2025");
        await page.GetByLabel("Neglect", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Audit learning briefing", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Question 1", new() { Exact = true }).FillAsync("How do you hear the voice of a teenager who is neglected?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another question" }).ClickAsync();
        await page.GetByLabel("Question 2", new() { Exact = true }).FillAsync("Who else knows this young person?");
        await page.GetByLabel("Body", new() { Exact = true }).FillAsync("## Background\n\nThe partnership audited the cases of eight young people.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("This is a preview");
        await Assertions.Expect(page.Locator(".lp-preview")).ToContainTextAsync("Who else knows this young person?");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Draft saved as version 1");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Publishing and schedules" }).ClickAsync();
        await page.AssertNoAxeViolationsAsync();
        var schedule = page.Locator("#schedule-form");
        await schedule.GetByLabel("Publish version 1").CheckAsync();
        await schedule.GetByLabel("Day", new() { Exact = true }).FillAsync("2");
        await schedule.GetByLabel("Month", new() { Exact = true }).FillAsync("3");
        await schedule.GetByLabel("Year", new() { Exact = true }).FillAsync("2030");
        await schedule.GetByLabel("Time (UK time)").FillAsync("10:00");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("will be published on 2 March 2030 at 10am");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the editor" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        await page.AssertNoAxeViolationsAsync();

        // 10am on 2 March is GMT, so 10:00 UTC; one minute later the scheduler publishes it.
        var done = await site.WithScopeAsync(sp => sp.GetRequiredService<ContentScheduler>().RunDueAsync(new DateTime(2030, 3, 2, 10, 1, 0, DateTimeKind.Utc)));
        Assert.True(done >= 1);

        var reader = await SignedInPageAsync(practitioner.Email!, "/learning/neglect-in-adolescence");
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Neglect in adolescence: audit learning" })).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator("ol.lp-questions > li")).ToHaveCountAsync(2);
        await reader.AssertNoAxeViolationsAsync();
        await reader.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(reader.Locator(".govuk-service-navigation")).ToBeHiddenAsync();
        await Assertions.Expect(reader.Locator(".govuk-header")).ToBeHiddenAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Neglect in adolescence: audit learning" })).ToBeVisibleAsync();
    }

    private async Task<IPage> SignedInPageAsync(string email, string path)
    {
        var page = await browser.NewPageAsync(site);
        await page.GotoAsync(path == "/manage" ? "/manage" : "/account/sign-in");
        await BrowserSignIn.SubmitSignInFormAsync(page, email);
        await page.WaitForURLAsync(path == "/manage" ? "**/manage" : site.BaseAddress.ToString());
        await page.AssertNoAxeViolationsAsync();
        if (path != "/manage")
        {
            await page.GotoAsync(path);
        }

        return page;
    }
}
