namespace LearningPortal.Tests.Site;

/// <summary>The public pages in Chromium, in both themes: no accessibility violations, nothing the CSP blocks, no script errors.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class SiteShellBrowserTests(BrowserFixture browser, PortalFactory riverside, NorthmoorSite northmoor)
    : IClassFixture<PortalFactory>, IClassFixture<NorthmoorSite>
{
    public static TheoryData<string, string, string> Pages => new()
    {
        { "default", "/", "Learning Portal" },
        { "default", "/accessibility", "Accessibility statement" },
        { "default", "/privacy", "Privacy notice" },
        { "default", "/cookies", "Cookies" },
        { "default", "/no-such-page", "Page not found" },
        { "northmoor", "/", "Learning and Training" },
        { "northmoor", "/accessibility", "Accessibility statement" },
        { "northmoor", "/privacy", "Privacy notice" },
        { "northmoor", "/cookies", "Cookies" },
        { "northmoor", "/no-such-page", "Page not found" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Public_page_has_no_accessibility_violations_csp_violations_or_script_errors(string theme, string path, string heading)
    {
        var site = theme == "northmoor" ? northmoor : riverside;
        var page = await browser.NewPageAsync(site);
        var problems = await WatchForProblemsAsync(page);

        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        // GOV.UK Frontend marks the body once its modules have started: the page's script ran.
        await Assertions.Expect(page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("govuk-frontend-supported"));

        await page.AssertNoAxeViolationsAsync();
        Assert.True(problems.Count == 0, $"On {path}:\n" + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Collects CSP violations (as the console reports them and as the page's event does), script errors and
    /// sub-resources that failed to load. (The console's own "Failed to load resource" line is not used: on the
    /// not-found page it reports the page itself.)
    /// </summary>
    internal static async Task<List<string>> WatchForProblemsAsync(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                problems.Add($"{response.Status} for {response.Request.ResourceType} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} {request.Failure}");
        page.PageError += (_, error) => problems.Add("script error: " + error);
        // Init scripts come from the browser, not the page, so the CSP does not apply to this listener.
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
              console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));
            """);
        return problems;
    }
}
