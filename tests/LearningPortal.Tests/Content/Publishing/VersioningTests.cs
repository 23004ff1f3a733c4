using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Publishing;
using LearningPortal.Core.Content.Reading;

namespace LearningPortal.Tests.Content.Publishing;

public class VersioningTests(ContentSite site) : IClassFixture<ContentSite>
{
    [Fact]
    public async Task Every_save_is_a_new_version_with_who_when_and_note()
    {
        var slug = Build.Slug("versions");
        var v1 = await site.CreateAsync(Build.Briefing("First title"), slug);

        var v2 = await site.SaveDraftAsync(v1.DocumentId, 1, Build.Briefing("Second title"), slug, note: "Corrected the title", actor: Build.OtherEditor);

        Assert.True(v2.Succeeded, v2.ToString());
        var history = await site.WithAsync(sp => sp.GetRequiredService<ContentLibrary>().HistoryAsync(v1.DocumentId));
        Assert.Equal([2, 1], history.Select(h => h.Number));
        Assert.Equal("Oscar Other", history[0].AuthorName);
        Assert.Equal("Corrected the title", history[0].Note);
        Assert.Equal("First title", history[1].Title);
        Assert.All(history, h => Assert.Equal(VersionStatus.Draft, h.Status));
        Assert.True(history[0].CreatedUtc >= history[1].CreatedUtc);
    }

    [Fact]
    public async Task A_save_from_a_stale_version_is_refused_and_nothing_is_overwritten()
    {
        var slug = Build.Slug("conflict");
        var v1 = await site.CreateAsync(Build.Briefing("Original"), slug);
        var first = await site.SaveDraftAsync(v1.DocumentId, 1, Build.Briefing("Edith's change"), slug, actor: Build.Editor);

        var second = await site.SaveDraftAsync(v1.DocumentId, 1, Build.Briefing("Oscar's change"), slug, actor: Build.OtherEditor);

        Assert.True(first.Succeeded);
        Assert.Equal(Refusal.Conflict, second.Refusal);
        Assert.Contains("Edith Editor saved version 2", second.Errors[0].Message, StringComparison.Ordinal);
        var latest = await site.WithAsync(sp => sp.GetRequiredService<ContentLibrary>().GetLatestAsync(v1.DocumentId));
        Assert.Equal(2, latest!.Version.Number);
        Assert.Equal("Edith's change", latest.Fields.Title);
    }

    [Fact]
    public async Task Two_saves_at_the_same_moment_from_the_same_version_make_exactly_one_new_version()
    {
        var slug = Build.Slug("race");
        var v1 = await site.CreateAsync(Build.Briefing(), slug);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            site.SaveDraftAsync(v1.DocumentId, 1, Build.Briefing($"Change {i}"), slug, actor: i % 2 == 0 ? Build.Editor : Build.OtherEditor)));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(Refusal.Conflict, r.Refusal));
        var history = await site.WithAsync(sp => sp.GetRequiredService<ContentLibrary>().HistoryAsync(v1.DocumentId));
        Assert.Equal(2, history.Count);
    }

    [Fact]
    public async Task Question_identities_are_kept_across_versions_and_new_questions_get_one()
    {
        var slug = Build.Slug("questions");
        var fields = Build.Briefing();
        var kept = fields.Questions[0].Id;
        var v1 = await site.CreateAsync(fields, slug);

        var changed = Build.Briefing(change: f => f.Questions =
        [
            new QuestionField { Text = "A new first question" },
            new QuestionField { Id = kept, Text = "How do we notice the early signs of neglect? (reworded)" },
        ]);
        var v2 = await site.SaveDraftAsync(v1.DocumentId, 1, changed, slug);

        Assert.True(v2.Succeeded, v2.ToString());
        var rows = await site.WithAsync(sp => sp.GetRequiredService<PortalDbContext>().ReflectionQuestions
            .Where(q => q.VersionId == v2.Value!.Id).OrderBy(q => q.Position).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.NotEqual(Guid.Empty, rows[0].QuestionId);
        Assert.Equal(kept, rows[1].QuestionId);
        Assert.Equal(2, rows[1].Position);
    }

    [Fact]
    public async Task Recommendation_identities_are_kept_across_rewording_and_reordering_and_new_ones_get_one()
    {
        var slug = Build.Slug("recommendations");
        var v1 = await site.CreateAsync(Build.Briefing(change: f => f.Recommendations =
        [
            new RecommendationField { Text = "Improve referrals" },
            new RecommendationField { Text = "Use the screening tool" },
        ]), slug);
        var first = (await Latest(v1.DocumentId)).Recommendations;
        Assert.All(first, r => Assert.NotEqual(Guid.Empty, r.Id));
        Assert.NotEqual(first[0].Id, first[1].Id);

        var v2 = await site.SaveDraftAsync(v1.DocumentId, 1, Build.Briefing(change: f => f.Recommendations =
        [
            new RecommendationField { Id = first[1].Id, Text = "Use the neglect screening tool (reworded)" },
            new RecommendationField { Text = "A new recommendation" },
            new RecommendationField { Id = first[0].Id, Text = "Improve referrals" },
        ]), slug);

        Assert.True(v2.Succeeded, v2.ToString());
        var second = (await Latest(v1.DocumentId)).Recommendations;
        Assert.Equal([first[1].Id, second[1].Id, first[0].Id], second.Select(r => r.Id));
        Assert.DoesNotContain(second[1].Id, first.Select(r => r.Id));
        Assert.NotEqual(Guid.Empty, second[1].Id);
    }

    [Fact]
    public async Task Two_recommendations_with_the_same_identity_are_refused()
    {
        var id = Guid.NewGuid();
        var fields = Build.Briefing(change: f => f.Recommendations =
        [
            new RecommendationField { Id = id, Text = "One" },
            new RecommendationField { Id = id, Text = "Two" },
        ]);

        var result = await site.WithAsync(sp => sp.GetRequiredService<ContentEditor>().CreateAsync(new DraftInput(Build.Slug("duplicate-recommendations"), fields, "Body."), Build.Editor));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message == "Recommendation 2 has the same identity as recommendation 1");
    }

    private Task<LearningBriefingFields> Latest(int documentId) =>
        site.WithAsync(async sp => (LearningBriefingFields)(await sp.GetRequiredService<ContentLibrary>().GetLatestAsync(documentId))!.Fields);

    [Fact]
    public async Task Roll_back_copies_an_old_version_into_a_new_draft_and_leaves_the_live_version_alone()
    {
        var slug = Build.Slug("rollback");
        var v1 = await site.PublishNewAsync(Build.Briefing("Version one"), slug);
        var v2 = await site.SaveDraftAsync(v1.DocumentId, 1, Build.Briefing("Version two"), slug);
        await site.PublishAsync(v1.DocumentId, 2);

        var rolled = await site.WithAsync(sp => sp.GetRequiredService<ContentEditor>().RollBackAsync(v1.DocumentId, 1, 2, Build.OtherEditor));

        Assert.True(rolled.Succeeded, rolled.ToString());
        Assert.Equal(3, rolled.Value!.Number);
        Assert.Equal(VersionStatus.Draft, rolled.Value.Status);
        Assert.Equal(1, rolled.Value.CopiedFromNumber);
        Assert.Equal("Version one", rolled.Value.Title);
        var live = await site.WithAsync(sp => sp.GetRequiredService<PublishedContent>().GetAsync(DocumentType.LearningBriefing, slug));
        Assert.Equal("Version two", live!.Fields.Title);
        var diff = await site.WithAsync(sp => sp.GetRequiredService<ContentLibrary>().DiffAsync(v1.DocumentId, 2, 3));
        Assert.Equal(["Title"], diff!.Where(d => d.Changed).Select(d => d.Key));
    }

    [Fact]
    public async Task Readers_can_list_earlier_published_versions_and_tell_which_was_current_when()
    {
        var slug = Build.Slug("history");
        var v1 = await site.PublishNewAsync(Build.Briefing("One"), slug);
        await site.SaveDraftAsync(v1.DocumentId, 1, Build.Briefing("Two (draft, never published)"), slug);
        await site.SaveDraftAsync(v1.DocumentId, 2, Build.Briefing("Three"), slug);
        await site.PublishAsync(v1.DocumentId, 3);

        var (versions, atFirst) = await site.WithAsync(async sp =>
        {
            var content = sp.GetRequiredService<PublishedContent>();
            var list = await content.VersionsAsync(v1.DocumentId);
            return (list, await content.VersionCurrentAtAsync(v1.DocumentId, list[1].PublishedUtc.AddTicks(1)));
        });

        Assert.Equal([3, 1], versions.Select(v => v.Number));
        Assert.True(versions[0].IsCurrent);
        Assert.Equal(versions[0].PublishedUtc, versions[1].RetiredUtc);
        Assert.Equal(1, atFirst!.Number);
    }
}
