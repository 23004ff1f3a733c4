using LearningPortal.Core.Supervision;

namespace LearningPortal.Tests.Supervision;

public class DashboardTests(SupervisionSite site) : IClassFixture<SupervisionSite>
{
    private readonly SupervisionData data = new(site);

    [Fact]
    public async Task The_dashboard_shows_counts_only_and_suppresses_cells_under_three()
    {
        var (_, rare) = await data.BriefingAsync("Rarely used briefing");
        var (_, common) = await data.BriefingAsync("Commonly used briefing", f => f.Questions[0].Text = "Do your supervision arrangements build staff confidence?");
        var supervisor = await data.SupervisorAsync();
        for (var i = 0; i < 2; i++)
        {
            await data.RecordAsync(supervisor, rare, [await data.PersonAsync()], kind: DiscussionKind.OneToOne, discussion: "Secret words about practice.");
        }

        for (var i = 0; i < 3; i++)
        {
            var p = await data.PersonAsync();
            await data.RecordAsync(supervisor, common, [p], kind: DiscussionKind.TeamMeeting, discussion: "Secret words about practice.",
                actions: [(p, SupervisionData.Today().AddDays(30))], confidence: (2, 4));
        }

        await data.RecordAsync(supervisor, common, [await data.PersonAsync()], finalise: false, discussion: "A draft is not counted.");
        using var client = await data.SignedInAsync(await data.PersonAsync("editor", PortalRoles.Editor));

        var page = await client.GetDocumentAsync("/manage/supervision");

        string Cell(string caption, string label) => page.QuerySelectorAll("table")
            .Single(t => t.QuerySelector("caption")!.TextContent.Trim() == caption)
            .QuerySelectorAll("tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == label)
            .QuerySelector("td")!.TextContent.Trim();
        Assert.Equal("fewer than 3", Cell("By briefing or question set", "Rarely used briefing"));
        Assert.Equal("3", Cell("By briefing or question set", "Commonly used briefing"));
        Assert.Equal("fewer than 3", Cell("By kind", "One-to-one supervision"));
        Assert.Equal("3", Cell("By kind", "Team meeting"));
        Assert.Equal("3", Cell("By question", "Do your supervision arrangements build staff confidence?"));
        Assert.Equal("3", Cell("Most used questions", "Do your supervision arrangements build staff confidence?"));
        Assert.Equal("5", page.QuerySelector("#total-discussions")!.TextContent.Trim());
        Assert.Equal("3", page.QuerySelector("#actions-agreed")!.TextContent.Trim());
        Assert.Equal("fewer than 3", page.QuerySelector("#actions-completed")!.TextContent.Trim());
        Assert.Equal("+2.0", page.QuerySelector("#confidence-change")!.TextContent.Trim());
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain("Secret words", html);
        Assert.DoesNotContain("Chronologies help", html);
        Assert.DoesNotContain("Complete a chronology", html);
        Assert.DoesNotContain(supervisor.DisplayName, html);
    }
}
