namespace LearningPortal.Tests.Manage.Users;

public class FindUsersTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Administrator_finds_a_user_by_part_of_their_name_or_email()
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var agency = await site.CreateAgencyAsync("Findley Primary School");
        var user = await site.CreateNamedUserAsync("Harriet Quennell", agency.Id, PortalRoles.Supervisor);

        var byName = await admin.GetDocumentAsync("/manage/users?search=quennell");
        var byEmail = await admin.GetDocumentAsync("/manage/users?search=" + Uri.EscapeDataString(user.Email!.ToUpperInvariant()));

        foreach (var page in new[] { byName, byEmail })
        {
            var rows = page.QuerySelectorAll("tbody tr");
            var cells = Assert.Single(rows).QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
            Assert.Equal(["Harriet Quennell", user.Email, "Findley Primary School", "Practitioner, Supervisor", "Active", "Never"], cells);
        }

        Assert.Equal($"/manage/users/{user.Id}", byName.QuerySelector("tbody a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Users_are_filtered_by_role_and_agency()
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var agency = await site.CreateAgencyAsync("Filterton Police");
        await site.CreateNamedUserAsync("Filter Editor", agency.Id, PortalRoles.Editor);
        await site.CreateNamedUserAsync("Filter Practitioner", agency.Id);
        await site.CreateNamedUserAsync("Filter Elsewhere Editor", null, PortalRoles.Editor);

        var editorsInAgency = await admin.GetDocumentAsync($"/manage/users?search=filter&role=Editor&agencyId={agency.Id}");
        var everyoneInAgency = await admin.GetDocumentAsync($"/manage/users?agencyId={agency.Id}");

        Assert.Equal(["Filter Editor"], Names(editorsInAgency));
        Assert.Equal(["Filter Editor", "Filter Practitioner"], Names(everyoneInAgency));
        Assert.Equal("Editor", editorsInAgency.QuerySelector("#Role option[selected]")!.TextContent);
    }

    [Fact]
    public async Task Status_shows_disabled_locked_and_unconfirmed_accounts()
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        var disabled = await site.CreateNamedUserAsync("Statusy Disabled");
        var locked = await site.CreateNamedUserAsync("Statusy Locked");
        var unconfirmed = await site.CreateNamedUserAsync("Statusy Unconfirmed");
        await site.WithDbAsync(async db =>
        {
            (await db.Users.FindAsync(disabled.Id))!.IsDisabled = true;
            (await db.Users.FindAsync(locked.Id))!.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(10);
            var u = (await db.Users.FindAsync(unconfirmed.Id))!;
            u.EmailConfirmed = false;
            u.LastSignInUtc = new DateTime(2026, 7, 1, 12, 30, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync();
        });

        var page = await admin.GetDocumentAsync("/manage/users?search=statusy");

        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList())
            .ToDictionary(c => c[0], c => (Status: c[4], LastSignIn: c[5]));
        Assert.Equal("Disabled", rows["Statusy Disabled"].Status);
        Assert.Equal("Locked", rows["Statusy Locked"].Status);
        Assert.Equal("Email not confirmed", rows["Statusy Unconfirmed"].Status);
        Assert.Equal("1 July 2026 at 1:30pm", rows["Statusy Unconfirmed"].LastSignIn);
    }

    [Fact]
    public async Task Users_are_listed_fifty_to_a_page()
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);
        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var agencyId = db.Agencies.OrderBy(a => a.Id).First().Id;
            for (var i = 1; i <= 55; i++)
            {
                var email = $"pager-{i:00}-{Guid.NewGuid():N}@example.org";
                db.Users.Add(new PortalUser
                {
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    DisplayName = $"Pager {i:00}",
                    JobRole = "Teacher",
                    AgencyId = agencyId,
                    CreatedUtc = DateTime.UtcNow,
                    SecurityStamp = Guid.NewGuid().ToString(),
                });
            }

            return await db.SaveChangesAsync();
        });

        var first = await admin.GetDocumentAsync("/manage/users?search=pager");
        var next = first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        var second = await admin.GetDocumentAsync(next);

        Assert.Equal(50, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("Pager 01", Names(first)[0]);
        Assert.Contains("55 users, page 1 of 2", first.QuerySelector("#result-count")!.TextContent);
        Assert.Contains("search=pager", next, StringComparison.Ordinal);
        Assert.Equal(["Pager 51", "Pager 52", "Pager 53", "Pager 54", "Pager 55"], Names(second));
        Assert.Equal("2", second.QuerySelector(".govuk-pagination__item--current")!.TextContent.Trim());
        Assert.Null(second.QuerySelector(".govuk-pagination__next"));
    }

    [Fact]
    public async Task Unknown_user_is_not_found()
    {
        var (_, admin) = await site.SignedInAsync("admin", PortalRoles.Administrator);

        var response = await admin.GetAsync($"/manage/users/{Guid.NewGuid()}/roles");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("tbody tr td:first-child").Select(c => c.TextContent.Trim()).ToList();
}
