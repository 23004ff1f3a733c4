using LearningPortal.Tests.Supervision;
using static Microsoft.Playwright.Assertions;

namespace LearningPortal.Tests.Impact;

[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class LearningRecordBrowserTests(SupervisionSite site, BrowserFixture browser) : IClassFixture<SupervisionSite>
{
    [Fact]
    public async Task Read_and_reflect_on_a_briefing_add_learning_and_print_the_cpd_log_in_the_browser()
    {
        var data = new SupervisionData(site);
        var (version, _) = await data.BriefingAsync("Browser reflection briefing");
        var person = await site.CreateUserAsync(TestUsers.UniqueEmail("browser-learner"));
        var page = await browser.SignedInPageAsync(site, person.Email!);

        // The page's beacon counts the read once it has loaded.
        await page.GotoAsync($"/learning/{version.Slug}");
        await page.AssertNoAxeViolationsAsync();
        await Eventually.TrueAsync(() => data.WithDbAsync(db => db.BriefingReads.AnyAsync(r => r.UserId == person.Id && r.DocumentId == version.DocumentId)),
            "the beacon's read to be written");
        await page.GetByLabel("What will you do differently? (optional)").FillAsync("Ask about the child's day at every visit");
        await page.GetByRole(AriaRole.Button, new() { Name = "I have read this and reflected" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("You added this briefing to your learning record");

        await page.GotoAsync("/account/learning/add");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to your learning record" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a title for the learning");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Title").FillAsync("Neglect conference");
        await page.GetByLabel("Day").FillAsync("12");
        await page.GetByLabel("Month").FillAsync("3");
        await page.GetByLabel("Year").FillAsync("2026");
        await page.GetByLabel("Hours").FillAsync("3");
        await page.GetByRole(AriaRole.Group, new() { Name = "Did you learn with other people?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByLabel("What did you learn?").FillAsync("How chronologies show drift");
        await page.GetByLabel("How does it change your practice?").FillAsync("I start a chronology at the first visit");
        await page.GetByLabel("Preserve safety").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Have you discussed this learning with a peer?" }).GetByLabel("No").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to your learning record" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your learning record");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Browser reflection briefing");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Neglect conference");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Change Neglect conference" }).ClickAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Delete this learning" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Are you sure you want to delete this learning?");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync("/account/learning/cpd-log");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Ask about the child's day at every visit");
        await page.AssertNoAxeViolationsAsync();
        await page.GotoAsync($"/learning/{version.Slug}/reflect");
        await page.AssertNoAxeViolationsAsync();
    }
}
