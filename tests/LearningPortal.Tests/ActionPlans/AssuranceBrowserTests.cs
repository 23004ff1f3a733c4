namespace LearningPortal.Tests.ActionPlans;

/// <summary>
/// Assurance in Chromium, with axe on every page visited: an Editor asks an agency for assurance and manages the
/// partnership groups; the agency's lead answers; the Editor sees the return and the report.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class AssuranceBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly ActionPlanSite site = new();

    public Task InitializeAsync() => site.InitializeAsync();

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task An_editor_asks_an_agency_its_lead_answers_and_every_page_passes_axe()
    {
        var editor = await site.CreateUserAsync(TestUsers.UniqueEmail("editor"), TestUsers.Password, PortalRoles.Editor);
        var lead = await site.CreateUserAsync(TestUsers.UniqueEmail("agency-lead"), TestUsers.Password, PortalRoles.AgencyLead);
        var agency = await site.DbAsync(db => db.Agencies.Where(a => a.Id == lead.AgencyId).Select(a => a.Name).SingleAsync());
        var due = ActionPlanSite.Today().AddDays(14);

        var page = await browser.SignedInPageAsync(site, editor.Email!);
        foreach (var path in new[] { "/manage/actions/groups", "/manage/actions/groups/add", "/manage/actions/assurance" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await page.AssertNoAxeViolationsAsync();
        }

        var group = await site.DbAsync(db => db.PartnershipGroups.Where(g => g.Name == "Executive").Select(g => g.Id).SingleAsync());
        foreach (var path in new[] { $"/manage/actions/groups/{group}/rename", $"/manage/actions/groups/{group}/retire" })
        {
            await page.GotoAsync(path);
            await page.AssertNoAxeViolationsAsync();
        }

        await page.GotoAsync("/manage/actions/assurance/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the question the agencies are asked");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("What do you want agencies to assure you of?").FillAsync("Assure us that single-agency chronologies are used with the toolkit");
        await page.GetByLabel("Only the agencies I select").CheckAsync();
        await page.GetByLabel(agency, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Day", new() { Exact = true }).FillAsync(due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Month", new() { Exact = true }).FillAsync(due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Year", new() { Exact = true }).FillAsync(due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Assurance requested");
        await page.AssertNoAxeViolationsAsync();
        var requestUrl = page.Url;

        var leadPage = await browser.SignedInPageAsync(site, lead.Email!);
        await leadPage.GotoAsync("/assurance");
        await Assertions.Expect(leadPage.Locator("main")).ToContainTextAsync("Not answered");
        await leadPage.AssertNoAxeViolationsAsync();
        await leadPage.GetByRole(AriaRole.Link, new() { Name = "Assure us that single-agency chronologies are used with the toolkit" }).ClickAsync();
        await leadPage.AssertNoAxeViolationsAsync();
        await leadPage.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
        await Assertions.Expect(leadPage.Locator(".govuk-error-summary")).ToContainTextAsync("Select how assured your agency is");
        await leadPage.AssertNoAxeViolationsAsync();
        await leadPage.GetByLabel("Partly assured").CheckAsync();
        await leadPage.GetByLabel("Narrative").FillAsync("Two of our three teams keep a chronology used with the toolkit; the third starts in March.");
        await leadPage.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
        await Assertions.Expect(leadPage.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Your agency's answer has been sent");
        await Assertions.Expect(leadPage.Locator("main")).ToContainTextAsync("Partly assured");
        await leadPage.AssertNoAxeViolationsAsync();

        await page.GotoAsync(requestUrl);
        await Assertions.Expect(page.Locator("#returns")).ToContainTextAsync("Partly assured");
        await page.AssertNoAxeViolationsAsync();
        await page.GotoAsync("/manage/actions/report");
        await Assertions.Expect(page.Locator("#assurance-by-agency")).ToContainTextAsync(agency);
        await page.AssertNoAxeViolationsAsync();
    }
}
