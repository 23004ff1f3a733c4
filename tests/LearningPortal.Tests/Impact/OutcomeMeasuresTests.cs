using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Impact;
using LearningPortal.Tests.Supervision;

namespace LearningPortal.Tests.Impact;

/// <summary>
/// /manage/impact/outcomes: Editors add, correct and delete outcome figures per objective and quarter with their source;
/// the form checks every field with errors in field order, a second figure for the same quarter is refused, a change
/// over someone else's is refused, and every change is in the audit log.
/// </summary>
public class OutcomeMeasuresTests(SupervisionSite site) : IClassFixture<SupervisionSite>
{
    private readonly SupervisionData data = new(site);

    [Fact]
    public async Task An_editor_adds_changes_and_deletes_a_figure_and_each_change_is_audited()
    {
        var objective = await ObjectiveAsync();
        using var client = await EditorAsync();
        var add = $"/manage/impact/outcomes/{objective}/add";

        // Every field wrong: the errors come in the order of the fields.
        var wrong = await client.SubmitFormAsync(add, new Dictionary<string, string> { ["Measure"] = "", ["Year"] = "twenty", ["Quarter"] = "", ["Value"] = "lots", ["Source"] = " " });
        var errors = (await PortalClient.ParseAsync(wrong)).QuerySelectorAll(".govuk-error-summary li").Select(li => li.TextContent.Trim()).ToArray();
        Assert.Equal(["Enter what is measured", "Year must be a number, for example 2026", "Select the quarter", "The figure must be a number, like 42 or 3.5", "Enter where the figure came from"], errors);

        var saved = await client.SubmitFormAsync(add, Figure("Re-referrals within 12 months", "2025", "2", "18.5", "Children's social care performance report"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await client.GetDocumentAsync("/manage/impact/outcomes");
        var table = list.QuerySelector("table[data-measure='Re-referrals within 12 months']")!;
        Assert.Contains("April to June 2025", table.TextContent);
        Assert.Contains("18.5", table.TextContent);
        Assert.Contains("Re-referrals within 12 months by quarter", list.QuerySelector("svg title")!.TextContent);

        // The same measure and quarter again is refused; the first figure is changed instead.
        var again = await client.SubmitFormAsync(add, Figure("Re-referrals within 12 months", "2025", "2", "20", "Another report"));
        Assert.Contains("There is already a figure for this measure and quarter", await again.Content.ReadAsStringAsync());
        var id = await site.WithScopeAsync(sp => sp.GetRequiredService<Core.Data.PortalDbContext>().OutcomeFigures.Where(f => f.ObjectiveId == objective).Select(f => f.Id).SingleAsync());
        var change = $"/manage/impact/outcomes/{objective}/{id}";
        var opened = await client.GetDocumentAsync(change);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(opened, change, Figure("Re-referrals within 12 months", "2025", "2", "17", "Corrected report"))).StatusCode);

        // A second Editor working from the page as it was opened is told someone else changed it, and nothing is lost.
        var stale = await client.SubmitFormAsync(opened, change, Figure("Re-referrals within 12 months", "2025", "2", "99", "Stale"));
        Assert.Contains("Someone else changed or deleted this figure", await stale.Content.ReadAsStringAsync());
        var csv = await (await client.GetAsync("/manage/impact/outcomes?handler=Csv")).Content.ReadAsStringAsync();
        Assert.Contains("Re-referrals within 12 months,April to June 2025,2025-04-01,17,Corrected report", csv);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"{change}/delete", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(change)).StatusCode);
        var audit = await site.WithScopeAsync(sp => sp.GetRequiredService<Core.Data.PortalDbContext>().AuditEntries
            .Where(e => e.SubjectType == "objective" && e.SubjectId == objective.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["outcome.added", "outcome.changed", "outcome.deleted"], audit);
    }

    [Fact]
    public async Task The_form_refuses_years_out_of_range_too_many_decimals_and_unknown_objectives()
    {
        var objective = await ObjectiveAsync();
        using var client = await EditorAsync();
        var response = await client.SubmitFormAsync($"/manage/impact/outcomes/{objective}/add", Figure(new string('m', 201), "1999", "5", "1.234", new string('s', 501)));
        var errors = (await PortalClient.ParseAsync(response)).QuerySelectorAll(".govuk-error-summary li").Select(li => li.TextContent.Trim()).ToArray();
        Assert.Equal([
            "What is measured must be 200 characters or fewer", "Year must be between 2000 and 2100", "Select the quarter",
            "The figure must be less than a million million, with no more than 2 decimal places", "Where the figure came from must be 500 characters or fewer",
        ], errors);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/manage/impact/outcomes/{Guid.NewGuid()}/add")).StatusCode);
        Assert.False(await site.WithScopeAsync(sp => sp.GetRequiredService<Core.Data.PortalDbContext>().OutcomeFigures.AnyAsync(f => f.ObjectiveId == objective)));
    }

    private static Dictionary<string, string> Figure(string measure, string year, string quarter, string value, string source) =>
        new() { ["Measure"] = measure, ["Year"] = year, ["Quarter"] = quarter, ["Value"] = value, ["Source"] = source };

    private async Task<Guid> ObjectiveAsync()
    {
        var id = Guid.NewGuid();
        await site.WithDbAsync(async db =>
        {
            db.Objectives.Add(new Objective { Id = id, Title = "Recognise neglect sooner " + id.ToString("N")[..6], Number = 1, StrategyDocumentId = 0 });
            await db.SaveChangesAsync();
        });
        return id;
    }

    private Task<PortalClient> EditorAsync() => site.SignedInClientAsync("outcome-editor", PortalRoles.Editor);
}
