namespace LearningPortal.Tests.Manage;

[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class ManageJourneyTests(PortalFactory site, BrowserFixture browser) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Administrator_changes_a_users_roles_and_sees_the_change_in_the_audit_log()
    {
        var admin = await site.CreateUserAsync(TestUsers.UniqueEmail("admin"), TestUsers.Password, PortalRoles.Administrator);
        var user = await site.CreateNamedUserAsync("Priya Promoted");
        var page = await browser.NewPageAsync(site);

        await page.GotoAsync("/manage");
        await BrowserSignIn.SubmitSignInFormAsync(page, admin.Email!);
        await page.WaitForURLAsync("**/manage");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await page.GetByLabel("Name or email address").FillAsync("priya");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync("**/manage/users?*");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Priya Promoted" }).ClickAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Change roles" }).ClickAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Editor").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save roles" }).ClickAsync();

        await page.WaitForURLAsync($"**/manage/users/{user.Id}");
        Assert.Contains("Roles updated", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Equal("Practitioner, Editor", (await page.Locator("#roles").InnerTextAsync()).Trim());
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "See all changes to this account in the audit log" }).ClickAsync();
        await page.WaitForURLAsync("**/manage/audit?*");
        var row = page.Locator("tbody tr").First;
        Assert.Contains($"Roles of Priya Promoted ({user.Email}) changed from Practitioner to Practitioner, Editor", await row.InnerTextAsync());
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Administrator_sees_errors_on_agency_and_audit_pages_without_accessibility_problems()
    {
        var admin = await site.CreateUserAsync(TestUsers.UniqueEmail("admin"), TestUsers.Password, PortalRoles.Administrator);
        var page = await browser.NewPageAsync(site);
        await page.GotoAsync("/account/sign-in");
        await page.AssertNoAxeViolationsAsync();
        await BrowserSignIn.SignInAsync(page, admin.Email!);
        await page.WaitForURLAsync(site.BaseAddress.ToString());

        await page.GotoAsync("/manage/agencies");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an agency" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add agency" }).ClickAsync();
        Assert.Contains("Enter the agency name", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync("/manage/audit?From.Day=31&From.Month=2&From.Year=2026");
        Assert.Contains("From date must be a real date", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await page.AssertNoAxeViolationsAsync();
    }
}
