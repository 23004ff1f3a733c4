namespace LearningPortal.Tests.ActionPlans;

/// <summary>
/// Action plans in Chromium, with axe on every page visited: an Editor goes through the actions list, the plans, a plan,
/// an action, the report and a plan's page of it; the lead adds an update using the keyboard only; a reader sees the public progress.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class ActionPlanBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly ActionPlanSite site = new();

    public Task InitializeAsync() => site.InitializeAsync();

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Editor_pages_pass_axe_and_a_lead_adds_an_update_with_the_keyboard_only()
    {
        var editor = await site.CreateUserAsync(TestUsers.UniqueEmail("editor"), TestUsers.Password, PortalRoles.Editor);
        var lead = await site.CreateUserAsync(TestUsers.UniqueEmail("lead"));
        var (planId, actionId) = await site.PlanWithActionAsync(editor, lead, ActionPlanSite.Today().AddDays(20));

        var page = await browser.SignedInPageAsync(site, editor.Email!);
        var briefingPlan = await site.DbAsync(db => db.ActionPlans.Where(p => p.DocumentId != null).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        foreach (var path in new[]
        {
            "/manage/actions", "/manage/actions/plans", $"/manage/actions/plans/{planId}", $"/manage/actions/plans/{planId}/add-action",
            $"/manage/actions/plans/{planId}/change", $"/manage/actions/plans/{briefingPlan}/from-recommendations",
            $"/manage/actions/{actionId}", $"/manage/actions/{actionId}/change", "/manage/actions/report", "/manage/actions/plans/new",
        })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await page.AssertNoAxeViolationsAsync();
        }

        // The report prints on A4: the print button works, and in print the site's header, the period form and the
        // button go while the report's tables stay.
        await page.GotoAsync("/manage/actions/report");
        var print = page.GetByRole(AriaRole.Button, new() { Name = "Print this report" });
        await page.EvaluateAsync("() => { window.lpPrinted = false; window.print = () => { window.lpPrinted = true; }; }");
        await print.ClickAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.lpPrinted === true"));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".lp-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("form[action='/manage/actions/report']")).ToBeHiddenAsync();
        await Assertions.Expect(print).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main table").First).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // From the summary to one plan's page, which passes axe and prints on its own.
        await page.Locator($"#plan-summary tr[data-plan='{planId}'] a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/manage/actions/report/plans/{planId}\\?"));
        await Assertions.Expect(page.Locator("#actions + .lp-table-scroll")).ToContainTextAsync("Relaunch the screening tool with every agency");
        await page.AssertNoAxeViolationsAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator($"form[action='/manage/actions/report/plans/{planId}']")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print this plan" })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#overdue")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main table").First).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GotoAsync($"/manage/actions/plans/{planId}/add-action");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what will be done");
        await page.AssertNoAxeViolationsAsync();

        var leadPage = await browser.SignedInPageAsync(site, lead.Email!);
        await leadPage.GotoAsync("/actions");
        await leadPage.AssertNoAxeViolationsAsync();
        await leadPage.GotoAsync($"/actions/{actionId}");
        await Assertions.Expect(leadPage.Locator("h1")).ToBeVisibleAsync();
        await leadPage.AssertNoAxeViolationsAsync();
        await leadPage.GotoAsync($"/actions/{actionId}/update");
        await leadPage.AssertNoAxeViolationsAsync();

        // Keyboard only: Tab to the status radios, arrow to "On track", Tab to the text, type, Tab to the button, Enter.
        await TabUntilAsync(leadPage, "Status");
        await leadPage.Keyboard.PressAsync("ArrowDown");
        await leadPage.Keyboard.PressAsync("Tab");
        Assert.Equal("Text", await leadPage.EvaluateAsync<string>("document.activeElement.id"));
        await leadPage.Keyboard.TypeAsync("Screening tool relaunched with four agencies so far");
        await TabUntilAsync(leadPage, null, "BUTTON");
        await leadPage.Keyboard.PressAsync("Enter");
        await Assertions.Expect(leadPage.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Update added");
        await Assertions.Expect(leadPage.Locator("main")).ToContainTextAsync("Screening tool relaunched with four agencies so far");
        await Assertions.Expect(leadPage.Locator("main")).ToContainTextAsync("On track");
        await leadPage.AssertNoAxeViolationsAsync();

        var reader = await browser.NewPageAsync(site);
        await reader.GotoAsync("/learning/neglect-multi-agency-audit-2025");
        await Assertions.Expect(reader.Locator("#what-the-partnership-is-doing")).ToBeVisibleAsync();
        await reader.AssertNoAxeViolationsAsync();
    }

    /// <summary>Presses Tab until the focused element has the id (or tag), failing after 80 presses.</summary>
    private static async Task TabUntilAsync(IPage page, string? id, string? tag = null)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]>("[document.activeElement.id, document.activeElement.tagName, document.activeElement.closest('main form') ? 'form' : '']");
            if ((id is not null && focused[0] == id) || (tag is not null && focused[1] == tag && focused[2] == "form"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {id ?? tag}");
    }
}
