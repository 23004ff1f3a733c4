namespace LearningPortal.Tests.Account;

public class AccountOverviewTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Account_overview_shows_name_email_agency_job_role_and_roles()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("overview"), TestUsers.Password, PortalRoles.Supervisor);
        using var client = site.CreatePortalClient();
        await client.SignInAsync(user.Email!);

        var page = await client.GetDocumentAsync("/account");

        var rows = page.QuerySelectorAll(".govuk-summary-list__row").ToDictionary(
            r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector(".govuk-summary-list__value")!.TextContent.Trim());
        Assert.Equal(user.DisplayName, rows["Full name"]);
        Assert.Equal(user.Email, rows["Email address"]);
        Assert.Equal("Children's Social Care", rows["Agency"]);
        Assert.Equal("Social worker", rows["Job role"]);
        Assert.Contains("Practitioner", rows["Roles"], StringComparison.Ordinal);
        Assert.Contains("Supervisor", rows["Roles"], StringComparison.Ordinal);
        foreach (var href in new[] { "/account/change-email", "/account/change-password", "/account/delete" })
        {
            Assert.NotNull(page.QuerySelector($"main a[href='{href}']"));
        }
    }

    [Fact]
    public async Task Change_details_updates_name_agency_and_job_role()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("details"));
        using var client = site.CreatePortalClient();
        await client.SignInAsync(user.Email!);
        var police = await site.AgencyIdAsync();

        var form = await client.GetDocumentAsync("/account/change-details");
        Assert.Equal(user.DisplayName, form.FieldValue("Input.FullName"));
        var response = await client.SubmitFormAsync(form, "/account/change-details", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Alex Morgan",
            ["Input.AgencyId"] = police.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.JobRole"] = "Detective constable",
        });

        Assert.Equal("/account?updated=details", response.Headers.Location!.OriginalString);
        var page = await client.GetDocumentAsync("/account?updated=details");
        Assert.Contains("Your details have been updated", page.QuerySelector(".govuk-notification-banner")!.TextContent);
        await site.WithDbAsync(async db =>
        {
            var changed = await db.Users.SingleAsync(u => u.Id == user.Id);
            Assert.Equal("Alex Morgan", changed.DisplayName);
            Assert.Equal(police, changed.AgencyId);
            Assert.Equal("Detective constable", changed.JobRole);
        });
    }
}
