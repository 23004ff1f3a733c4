using AngleSharp.Dom;
using LearningPortal.Core.Impact;
using LearningPortal.Tests.Manage;
using LearningPortal.Tests.Supervision;

namespace LearningPortal.Tests.Impact;

/// <summary>
/// /manage/impact and /manage/impact/briefings/{slug}: reads seeded straight into Impact's tables for March 2025, then
/// the figures, the small-number suppression (1, 2 and 3 contributors, and the second cell hidden against subtraction)
/// and that no page or CSV names a reader.
/// </summary>
public class ImpactPagesTests(SupervisionSite site) : IClassFixture<SupervisionSite>
{
    private const string March = "from=2025-03&to=2025-03";
    private readonly SupervisionData data = new(site);

    [Fact]
    public async Task Reach_counts_person_days_and_suppresses_one_and_two_readers_but_not_three()
    {
        var five = await data.BriefingAsync("Reach five " + Guid.NewGuid().ToString("N")[..6]);
        var one = await data.BriefingAsync("Reach one " + Guid.NewGuid().ToString("N")[..6]);
        var two = await data.BriefingAsync("Reach two " + Guid.NewGuid().ToString("N")[..6]);
        var three = await data.BriefingAsync("Reach three " + Guid.NewGuid().ToString("N")[..6]);
        var (a, b, c) = await AgenciesAsync();
        var reader = await data.PersonAsync("named-reader");
        await site.WithDbAsync(async db =>
        {
            // The named reader reads on 3 and 4 March (two person-days) and once in April, outside the period.
            ImpactTestData.AddRead(db, new BriefingRead { DocumentId = five.Version.DocumentId, UserId = reader.Id, AgencyId = a, Day = new DateOnly(2025, 3, 3) });
            ImpactTestData.AddRead(db, new BriefingRead { DocumentId = five.Version.DocumentId, UserId = reader.Id, AgencyId = a, Day = new DateOnly(2025, 3, 4) });
            ImpactTestData.AddRead(db, new BriefingRead { DocumentId = five.Version.DocumentId, UserId = reader.Id, AgencyId = a, Day = new DateOnly(2025, 4, 4) });
            AddReads(db, five.Version.DocumentId, b, 3);
            AddReads(db, one.Version.DocumentId, c, 1);
            AddReads(db, two.Version.DocumentId, c, 2);
            AddReads(db, three.Version.DocumentId, c, 3);
            db.AnonymousBriefingViews.Add(new AnonymousBriefingViews { DocumentId = five.Version.DocumentId, Day = new DateOnly(2025, 3, 9), Views = 7 });
            db.BriefingReflections.Add(new BriefingReflection
            {
                UserId = reader.Id, AgencyId = a, DocumentId = five.Version.DocumentId, BriefingTitle = five.Version.Title, BriefingPath = "/learning/" + five.Version.Slug,
                VersionNumber = 1, Note = "Private impact note", ReflectedUtc = new DateTime(2025, 3, 5, 12, 0, 0, DateTimeKind.Utc), UpdatedUtc = new DateTime(2025, 3, 5, 12, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
        });

        using var client = await EditorAsync();
        var page = await client.GetDocumentAsync($"/manage/impact?{March}");
        Assert.Equal(new[] { "5", "7", "fewer than 3" }, Row(page, five.Version.Slug));
        Assert.Equal(new[] { "fewer than 3", "0", "0" }, Row(page, one.Version.Slug));
        Assert.Equal(new[] { "fewer than 3", "0", "0" }, Row(page, two.Version.Slug));
        Assert.Equal(new[] { "3", "0", "0" }, Row(page, three.Version.Slug));

        // One agency: the named reader's two days are below the threshold; anonymous views have no agency.
        var agencyPage = await client.GetDocumentAsync($"/manage/impact?{March}&agency={a}");
        Assert.Equal(new[] { "fewer than 3", "Not known by agency", "fewer than 3" }, Row(agencyPage, five.Version.Slug));

        // The CSV has the same figures.
        var csv = await (await client.GetAsync($"/manage/impact?handler=Csv&{March}")).Content.ReadAsStringAsync();
        Assert.Contains($"/learning/{five.Version.Slug},2025-03,2025-03,All agencies,5,7,fewer than 3", csv);
        Assert.Contains($"/learning/{one.Version.Slug},2025-03,2025-03,All agencies,fewer than 3,0,0", csv);
        Assert.Contains($"/learning/{three.Version.Slug},2025-03,2025-03,All agencies,3,0,0", csv);

        // Nobody is named, in any page or the CSV.
        var detail = await (await client.GetAsync($"/manage/impact/briefings/{five.Version.Slug}?{March}")).Content.ReadAsStringAsync();
        foreach (var text in new[] { page.DocumentElement.OuterHtml, agencyPage.DocumentElement.OuterHtml, csv, detail })
        {
            Assert.DoesNotContain(reader.DisplayName, text);
            Assert.DoesNotContain(reader.Email!, text);
            Assert.DoesNotContain("Private impact note", text);
        }
    }

    [Fact]
    public async Task A_briefings_page_hides_a_second_agency_when_one_hidden_figure_could_be_subtracted_from_the_total()
    {
        var briefing = await data.BriefingAsync("Reach by agency " + Guid.NewGuid().ToString("N")[..6]);
        var (a, b, c) = await AgenciesAsync();
        await site.WithDbAsync(async db =>
        {
            AddReads(db, briefing.Version.DocumentId, a, 1);
            AddReads(db, briefing.Version.DocumentId, b, 4);
            AddReads(db, briefing.Version.DocumentId, c, 5);
            await db.SaveChangesAsync();
        });

        using var client = await EditorAsync();
        var page = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Version.Slug}?{March}");
        var rows = page.QuerySelectorAll("#agency-table tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td")[0].TextContent.Trim());
        var names = await AgencyNamesAsync(a, b, c);
        Assert.Equal("fewer than 3", rows[names[0]]);
        Assert.Equal("fewer than 3", rows[names[1]]); // 4 would give away the 1 as 10 - 4 - 5
        Assert.Equal("5", rows[names[2]]);
        Assert.Equal("10", rows["All agencies"]);
        Assert.Equal("10", page.QuerySelector("#month-table tbody tr:last-child td")!.TextContent.Trim());
        Assert.Contains("Signed-in readers by agency", page.QuerySelector("svg title")!.TextContent);

        // One agency's view: only that agency's row and its total, both suppressed alike.
        var one = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Version.Slug}?{March}&agency={c}");
        Assert.Equal(2, one.QuerySelectorAll("#agency-table tbody tr").Length);
        Assert.Equal("5", one.QuerySelector("#agency-table tbody tr td")!.TextContent.Trim());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/manage/impact/briefings/no-such-briefing")).StatusCode);
        var wrong = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Version.Slug}?from=2025-05&to=2025-03");
        Assert.Contains("The end month must be the same as or after the start month", wrong.QuerySelector(".govuk-error-summary")!.TextContent);
    }

    private static void AddReads(Core.Data.PortalDbContext db, int documentId, int agencyId, int count)
    {
        // Reads of people whose accounts are gone (no person), one a day.
        for (var i = 0; i < count; i++)
        {
            ImpactTestData.AddRead(db, new BriefingRead { DocumentId = documentId, UserId = null, AgencyId = agencyId, Day = new DateOnly(2025, 3, 10 + i) });
        }
    }

    private static string[] Row(IDocument page, string slug) =>
        [.. page.QuerySelector($"#reach-table tr[data-slug='{slug}']")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim())];

    private async Task<(int A, int B, int C)> AgenciesAsync()
    {
        var agencies = await site.CreateAgenciesAsync("Impact agency", 30, 900);
        return (agencies[0].Id, agencies[1].Id, agencies[2].Id);
    }

    private Task<string[]> AgencyNamesAsync(params int[] ids) =>
        data.WithDbAsync(db => Task.FromResult(ids.Select(id => db.Agencies.Single(a => a.Id == id).Name).ToArray()));

    private Task<PortalClient> EditorAsync() => site.SignedInClientAsync("impact-editor", PortalRoles.Editor);
}
