using LearningPortal.Core.Supervision;

namespace LearningPortal.Tests.Supervision;

/// <summary>
/// Supervision end to end in Chromium, with axe on every page visited: a supervisor records a team-meeting
/// discussion on a published briefing's questions with two participants and an action; a participant reads it,
/// adds a reflection and acknowledges it; the action's owner gets the reminder; another supervisor and an Editor
/// cannot open it; the Editor's dashboard counts it (as "fewer than 3", the suppressed cell).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class SupervisionBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly SupervisionSite site = new();

    public Task InitializeAsync() => site.InitializeAsync();

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Supervisor_records_a_team_meeting_participant_reflects_and_acknowledges_outsiders_cannot_open_it_and_the_dashboard_counts_it()
    {
        var data = new SupervisionData(site);
        var (_, set) = await data.BriefingAsync("Neglect audit learning briefing");
        var supervisor = await data.SupervisorAsync();
        var priya = await data.PersonAsync("priya");
        var sam = await data.PersonAsync("sam");
        var otherSupervisor = await data.SupervisorAsync();
        var editor = await data.PersonAsync("editor", PortalRoles.Editor);
        var heldOn = SupervisionData.Today().AddDays(-1);
        var due = SupervisionData.Today().AddDays(2);

        // The supervisor records the discussion.
        var page = await browser.NewPageAsync(site);
        await BrowserSignIn.SignInWithTwoFactorAsync(page, site, supervisor.Email!);
        await page.GotoAsync("/supervision");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a discussion" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Record a discussion");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select what kind of discussion it was");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Team meeting").CheckAsync();
        await page.Locator("#Input-HeldOn").FillAsync(heldOn.Day.ToString());
        await page.Locator("#Input-HeldOn-month").FillAsync(heldOn.Month.ToString());
        await page.Locator("#Input-HeldOn-year").FillAsync(heldOn.Year.ToString());
        await page.GetByLabel("Neglect audit learning briefing").CheckAsync();
        await page.GetByLabel("Who took part?").FillAsync($"{priya.Email}\n{sam.Email}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Record the discussion");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the kind, date or who took part" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Change the kind, date or who took part");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The discussion's details have been changed");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel(set.Questions[0].Text).CheckAsync();
        await page.GetByLabel("What was discussed about question 1 (optional)").FillAsync("How we notice neglect building up over time.");
        await page.GetByLabel("Learning (optional)").FillAsync("Chronologies show the pattern, as for the child born 01/02/2019.");
        await page.GetByLabel("What will be done (action 1)").FillAsync("Bring a chronology to the next team meeting");
        await page.GetByLabel("Who will do it (action 1)").SelectOptionAsync(new SelectOptionValue { Label = priya.DisplayName });
        await page.Locator("#Input-Actions-0--Due").FillAsync(due.Day.ToString());
        await page.Locator("#Input-Actions-0--Due-month").FillAsync(due.Month.ToString());
        await page.Locator("#Input-Actions-0--Due-year").FillAsync(due.Year.ToString());
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByLabel($"{priya.DisplayName}: confidence before").SelectOptionAsync("2");
        await page.GetByLabel($"{priya.DisplayName}: confidence after").SelectOptionAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and finalise" }).ClickAsync();
        await Expect(page.Locator("#identifying-warning mark")).ToContainTextAsync("01/02/2019");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Learning (optional)").FillAsync("Chronologies show the pattern.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and finalise" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Record finalised");
        await page.AssertNoAxeViolationsAsync();
        var recordPath = new Uri(page.Url).AbsolutePath;
        Assert.Matches("^/supervision/records/[0-9]+$", recordPath);

        // A participant reads it, adds a reflection and acknowledges it; the action is in their actions.
        var participant = await browser.NewPageAsync(site);
        await BrowserSignIn.SignInWithTwoFactorAsync(participant, site, priya.Email!);
        await participant.GotoAsync("/supervision");
        await participant.AssertNoAxeViolationsAsync();
        await participant.Locator($"a[href='{recordPath}']").ClickAsync();
        await Expect(participant.Locator("main")).ToContainTextAsync("How we notice neglect building up over time.");
        await participant.AssertNoAxeViolationsAsync();
        await participant.GetByLabel("Add your reflection").FillAsync("I will start chronologies earlier.");
        await participant.GetByRole(AriaRole.Button, new() { Name = "Add reflection" }).ClickAsync();
        await Expect(participant.Locator(".govuk-notification-banner")).ToContainTextAsync("Your reflection has been added");
        await participant.AssertNoAxeViolationsAsync();
        await participant.GetByRole(AriaRole.Button, new() { Name = "Acknowledge the record" }).ClickAsync();
        await Expect(participant.Locator(".govuk-notification-banner")).ToContainTextAsync("You have acknowledged the record");
        await participant.AssertNoAxeViolationsAsync();
        await participant.GotoAsync("/supervision/actions");
        await Expect(participant.Locator("main")).ToContainTextAsync("Bring a chronology to the next team meeting");
        await participant.AssertNoAxeViolationsAsync();

        // The action's owner is reminded before the due date.
        await site.Services.GetRequiredService<SupervisionJobs>().RunOnceAsync();
        var reminder = await site.Smtp.WaitForMessageToAsync(priya.Email!);
        Assert.StartsWith("Reminder: a supervision action is due on", reminder.Subject);

        // Another supervisor and an Editor get not found.
        var outsider = await browser.NewPageAsync(site);
        await BrowserSignIn.SignInWithTwoFactorAsync(outsider, site, otherSupervisor.Email!);
        var response = await outsider.GotoAsync(recordPath);
        Assert.Equal(404, response!.Status);
        await outsider.AssertNoAxeViolationsAsync();
        var staff = await browser.NewPageAsync(site);
        await BrowserSignIn.SignInWithTwoFactorAsync(staff, site, editor.Email!);
        response = await staff.GotoAsync(recordPath);
        Assert.Equal(404, response!.Status);

        // The Editor's dashboard counts it, suppressed because it is one discussion.
        await staff.GotoAsync("/manage");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Supervision" }).Last.ClickAsync();
        await Expect(staff.Locator("h1")).ToHaveTextAsync("Supervision: how the learning is used");
        await staff.AssertNoAxeViolationsAsync();
        await Expect(staff.Locator("#total-discussions")).ToHaveTextAsync("fewer than 3");
        var row = staff.Locator("table:has(caption:text-is('By briefing or question set')) tr:has(th:text-is('Neglect audit learning briefing')) td");
        await Expect(row).ToHaveTextAsync("fewer than 3");
        await Expect(staff.Locator("main")).Not.ToContainTextAsync("How we notice neglect");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
