using LearningPortal.Tests.Supervision;
using static Microsoft.Playwright.Assertions;

namespace LearningPortal.Tests.Impact;

[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class ImpactPagesBrowserTests(SupervisionSite site, BrowserFixture browser) : IClassFixture<SupervisionSite>
{
    [Fact]
    public async Task An_editor_reads_the_reach_of_briefings_one_briefings_page_and_the_yearly_report_in_the_browser()
    {
        var data = new SupervisionData(site);
        var (version, _) = await data.BriefingAsync("Browser impact briefing " + Guid.NewGuid().ToString("N")[..6]);

        // A GCP2 course linked to the briefing's objective, with a booking, so the Training section draws its tables.
        var training = new Training.TrainingData(site);
        var course = await training.CourseAsync(c => c.LicensesGcp2 = true);
        var session = await training.SessionAsync(course);
        await training.BookAsync(session, await training.PersonAsync(prefix: "browser-booked"));
        await site.WithDbAsync(async db =>
        {
            var objective = Guid.NewGuid();
            db.Objectives.Add(new Core.ActionPlans.Objective { Id = objective, Title = "Browser training objective", Number = 8, StrategyDocumentId = 0 });
            db.ObjectiveLinks.Add(new Core.ActionPlans.ObjectiveLink { ObjectiveId = objective, Kind = Core.ActionPlans.ObjectiveLinkKind.Briefing, TargetId = version.DocumentId });
            db.ObjectiveLinks.Add(new Core.ActionPlans.ObjectiveLink { ObjectiveId = objective, Kind = Core.ActionPlans.ObjectiveLinkKind.Course, TargetId = course.Id });
            await db.SaveChangesAsync();
        });
        var editor = await data.PersonAsync("browser-impact-editor", PortalRoles.Editor);
        // Three reads today, so the report for this year has a section for the briefing (its partials, its ids).
        await site.WithDbAsync(async db =>
        {
            var agency = db.Agencies.OrderBy(a => a.SortOrder).First().Id;
            for (var i = 0; i < 3; i++)
            {
                ImpactTestData.AddRead(db, new Core.Impact.BriefingRead { DocumentId = version.DocumentId, AgencyId = agency, Day = SupervisionData.Today() });
            }

            await db.SaveChangesAsync();
        });
        var page = await browser.SignedInPageAsync(site, editor.Email!);

        await page.GotoAsync("/manage/impact");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Impact of learning");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = version.Title }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(version.Title);
        await Expect(page.Locator("#agency-table")).ToContainTextAsync("All agencies");
        await Expect(page.Locator("#training-table")).ToContainTextAsync("All agencies");
        await Expect(page.Locator("#gcp2-table")).ToContainTextAsync("not set");
        await Expect(page.Locator("#feedback-agency-table")).ToContainTextAsync("All responses");
        await page.AssertNoAxeViolationsAsync();

        // The GCP2 targets, reached from the impact list: an error first, then saved.
        await page.GotoAsync("/manage/impact");
        await page.GetByRole(AriaRole.Link, new() { Name = "GCP2 targets for each agency" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("GCP2 targets");
        await page.AssertNoAxeViolationsAsync();
        var first = page.Locator("input[name='Targets[0]']");
        await first.FillAsync("many");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save targets" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("must be a whole number");
        await page.AssertNoAxeViolationsAsync();
        await page.Locator("input[name='Targets[0]']").FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save targets" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("GCP2 targets saved");
        await Expect(page.Locator("input[name='Targets[0]']")).ToHaveValueAsync("40");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync("/manage/impact");
        await page.GetByRole(AriaRole.Link, new() { Name = "Yearly report on learning" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Learning and its impact");
        var today = SupervisionData.Today();
        await page.GetByLabel("Reporting year").SelectOptionAsync($"{(today.Month >= 4 ? today.Year : today.Year - 1)}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the report" }).ClickAsync();
        await Expect(page.Locator($"#briefing-{version.DocumentId}-agency-table")).ToContainTextAsync("All agencies");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print this report" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task An_editor_adds_changes_and_deletes_an_outcome_figure_in_the_browser()
    {
        var data = new SupervisionData(site);
        var objective = Guid.NewGuid();
        var title = "Browser outcomes objective " + objective.ToString("N")[..6];
        await site.WithDbAsync(async db =>
        {
            db.Objectives.Add(new Core.ActionPlans.Objective { Id = objective, Title = title, Number = 7, StrategyDocumentId = 0 });
            await db.SaveChangesAsync();
        });
        var editor = await data.PersonAsync("browser-outcome-editor", PortalRoles.Editor);
        var page = await browser.SignedInPageAsync(site, editor.Email!);

        await page.GotoAsync("/manage/impact");
        await page.GetByRole(AriaRole.Link, new() { Name = "Outcome measures for each strategic objective" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Outcome measures");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a figure for objective 7" }).ClickAsync();
        await page.GetByLabel("Year").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save figure" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what is measured");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByLabel("What is measured").FillAsync("Neglect screening tools completed");
        await page.GetByLabel("Year").FillAsync("2025");
        await page.GetByLabel("January to March").CheckAsync();
        await page.GetByLabel("Figure", new() { Exact = true }).FillAsync("240");
        await page.GetByLabel("Where the figure came from").FillAsync("GCP2 returns from agencies");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save figure" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Neglect screening tools completed, January to March 2025: saved");
        await Expect(page.Locator("table[data-measure='Neglect screening tools completed']")).ToContainTextAsync("240");
        await page.AssertNoAxeViolationsAsync();

        // The objective's own impact page, reached from the impact list, charts the figure beside the rest.
        await page.GotoAsync("/manage/impact?from=2025-01&to=2025-03");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Objective 7: {title}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page.Locator("table[data-measure='Neglect screening tools completed']")).ToContainTextAsync("240");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync("/manage/impact/outcomes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change Neglect screening tools completed, January to March 2025" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Change an outcome figure");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Delete this figure" }).ClickAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete figure" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("deleted");
    }
}
