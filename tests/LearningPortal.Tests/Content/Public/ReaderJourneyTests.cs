namespace LearningPortal.Tests.Content.Public;

/// <summary>A practitioner finds and reads a briefing in Chromium, opens an earlier version and prints it.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class ReaderJourneyTests(BrowserFixture browser, ReaderJourneyTests.Site site) : IClassFixture<ReaderJourneyTests.Site>
{
    /// <summary>The starter content plus an earlier published version of the 7-minute briefing, so there is history to open.</summary>
    public sealed class Site : ContentSite, IAsyncLifetime
    {
        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            var briefing = await this.WithAsync(sp => sp.GetRequiredService<Core.Content.Reading.PublishedContent>()
                .GetAsync(Core.Content.DocumentType.LearningBriefing, "seven-minute-briefing-neglect-2021"));
            var fields = (Core.Content.Fields.LearningBriefingFields)briefing!.Fields;
            fields.Summary += " Updated with the panel's grades.";
            var saved = await this.SaveDraftAsync(briefing.Document.Id, briefing.Version.Number, fields, briefing.Document.Slug, briefing.Version.Body, "Added the grades");
            Assert.True(saved.Succeeded, saved.ToString());
            await this.PublishAsync(briefing.Document.Id, saved.Value!.Number);
        }

        async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
    }

    [Fact]
    public async Task A_reader_filters_learning_reads_a_briefing_opens_an_earlier_version_and_prints_it()
    {
        var page = await browser.NewPageAsync(site);

        await page.GotoAsync("/learning");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Format", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Audit learning briefing" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync("**/learning?*format=audit-learning-briefing*");
        await page.AssertNoAxeViolationsAsync();
        Assert.Equal(1, await page.Locator(".lp-results__item").CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Multi-agency response to children living with neglect: audit learning briefing" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Questions for reflection" })).ToBeVisibleAsync();
        Assert.Equal(6, await page.Locator("ol.lp-questions > li").CountAsync());
        await page.AssertNoAxeViolationsAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".govuk-service-navigation")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".govuk-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".govuk-footer")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".lp-feedback-slot")).ToBeHiddenAsync();
        var printedLink = await page.Locator("main a[href^='/toolkit/']").First.EvaluateAsync<string>("a => getComputedStyle(a, '::after').content");
        Assert.Contains("/toolkit/", printedLink, StringComparison.Ordinal);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GotoAsync("/learning/seven-minute-briefing-neglect-2021");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Version 1" }).ClickAsync();
        await Assertions.Expect(page.GetByText("This is version 1, current from")).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Toolkit_strategy_and_general_pages_have_no_accessibility_violations()
    {
        var page = await browser.NewPageAsync(site);

        foreach (var path in new[] { "/toolkit", "/toolkit/neglect-screening-tool", "/strategy/neglect-strategy", "/learning/neglect-audit-at-a-glance-2025", "/accessibility" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await page.AssertNoAxeViolationsAsync();
        }
    }
}
