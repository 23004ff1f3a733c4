using LearningPortal.Tests.Manage;
using LearningPortal.Tests.Manage.Content;

namespace LearningPortal.Tests.Search;

/// <summary>The real site's search over training (courses and upcoming sessions) and over drafts in the back office.</summary>
public class TrainingSearchTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_course_and_its_upcoming_sessions_are_found_by_its_title_and_a_cancelled_session_drops_out()
    {
        var word = "Quillfeather" + Guid.NewGuid().ToString("N")[..6];
        var courseId = await CreateCourseAsync("trainer", word);
        var keep = await CreateSessionAsync(courseId, 21);
        var cancel = await CreateSessionAsync(courseId, 28);
        using var reader = site.CreatePortalClient();

        var found = await SearchUntilAsync(reader, $"/search?q={word}", page => Links(page).Count == 3);
        Assert.Contains($"/training/{word.ToLowerInvariant()}", Links(found));
        Assert.Contains($"/training/{word.ToLowerInvariant()}#session-{keep}", Links(found));
        Assert.Contains($"/training/{word.ToLowerInvariant()}#session-{cancel}", Links(found));
        Assert.Contains(found.QuerySelectorAll(".govuk-checkboxes__label"), l => l.TextContent.Trim().StartsWith("Training", StringComparison.Ordinal));

        await site.WithScopeAsync(sp => sp.GetRequiredService<SessionAdministration>().CancelAsync(cancel, "Trainer unwell", new Actor(null, "Test")));

        var after = await SearchUntilAsync(reader, $"/search?q={word}", page => Links(page).Count == 2);
        Assert.DoesNotContain($"/training/{word.ToLowerInvariant()}#session-{cancel}", Links(after));
        Assert.Contains($"/training/{word.ToLowerInvariant()}#session-{keep}", Links(after));
    }

    [Fact]
    public async Task A_session_drops_out_of_the_search_results_once_it_starts_while_the_course_and_later_sessions_stay()
    {
        var word = "Larkspindle" + Guid.NewGuid().ToString("N")[..6];
        var courseId = await CreateCourseAsync("starter", word);
        var later = await CreateSessionAsync(courseId, 21);
        var start = DateTime.UtcNow.AddSeconds(10);
        var soon = await CreateSessionAsync(courseId, start);
        var course = $"/training/{word.ToLowerInvariant()}";
        using var reader = site.CreatePortalClient();

        var before = await SearchUntilAsync(reader, $"/search?q={word}", page => Links(page).Count == 3);
        Assert.Contains($"{course}#session-{soon}", Links(before));
        var untilStart = start - DateTime.UtcNow;
        if (untilStart > TimeSpan.Zero)
        {
            await Task.Delay(untilStart + TimeSpan.FromMilliseconds(200));
        }

        // No waiting for the index: nothing is journalled when a session starts; every search leaves it out from then.
        var after = await reader.GetDocumentAsync($"/search?q={word}");
        Assert.Equal([course, $"{course}#session-{later}"], Links(after).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_saved_draft_is_found_by_the_back_office_search_but_not_the_public_search()
    {
        var (_, editor) = await site.SignedInAsync("drafter", PortalRoles.Editor);
        var word = "zephyrquartz" + Guid.NewGuid().ToString("N")[..6];

        await editor.CreateBriefingAsync("Unpublished learning", "unpublished-" + word, f => f["Input.Body"] = $"The word {word} appears only in this draft.");

        var back = await SearchUntilAsync(editor, $"/manage/search?q={word}", page => Links(page).Count == 1);
        Assert.Equal("Draft", back.QuerySelector(".lp-search-result .govuk-tag")!.TextContent.Trim());
        var pub = await site.CreatePortalClient().GetDocumentAsync($"/search?q={word}");
        Assert.Empty(Links(pub));
    }

    private async Task<int> CreateCourseAsync(string editorName, string word)
    {
        var (_, editor) = await site.SignedInAsync(editorName, PortalRoles.Editor);
        var created = await editor.SubmitFormAsync("/manage/training/courses/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = $"{word} neglect course",
            ["Input.Slug"] = word.ToLowerInvariant(),
            ["Input.Summary"] = "Recognising neglect in babies.",
            ["Input.Audience"] = "Health visitors",
            ["Input.Level"] = nameof(CourseLevel.Introductory),
            ["Input.Length"] = "Half day",
            ["Input.LicensesGcp2"] = "false",
            ["Input.IsPublished"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<int> CreateSessionAsync(int courseId, int daysAhead) =>
        CreateSessionAsync(courseId, DateTime.UtcNow.Date.AddDays(daysAhead).AddHours(9.5));

    private async Task<int> CreateSessionAsync(int courseId, DateTime start)
    {
        var result = await site.WithScopeAsync(sp => sp.GetRequiredService<SessionAdministration>().CreateAsync(courseId,
            new SessionDetails(start, start.AddHours(3), SessionFormat.InPerson, "Riverside Civic Centre", null, 12, DateTime.UtcNow.AddDays(-1), start.AddMinutes(-1), "Sam Trainer", null, false),
            new Actor(null, "Test")));
        return result.Succeeded ? result.Value : throw new InvalidOperationException(result.ToString());
    }

    private static List<string> Links(IHtmlDocument page) =>
        page.QuerySelectorAll(".lp-search-result__title a").Select(a => a.GetAttribute("href")!).ToList();

    private static async Task<IHtmlDocument> SearchUntilAsync(PortalClient client, string path, Func<IHtmlDocument, bool> done)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var page = await client.GetDocumentAsync(path);
            if (done(page) || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                return page;
            }

            await Task.Delay(100);
        }
    }
}
