using LearningPortal.Core.Content.Publishing;
using LearningPortal.Core.Supervision;

namespace LearningPortal.Tests.Supervision;

public class QuestionSetTests(SupervisionSite site) : IClassFixture<SupervisionSite>
{
    private readonly SupervisionData data = new(site);

    [Fact]
    public async Task Publishing_a_briefing_creates_its_question_set_keyed_by_the_stable_question_ids()
    {
        var (version, set) = await data.BriefingAsync("Voice of the child briefing");
        var questions = await data.WithDbAsync(db => db.ReflectionQuestions.Where(q => q.VersionId == version.Id).OrderBy(q => q.Position).ToListAsync());

        Assert.Equal("Voice of the child briefing", set.Title);
        Assert.Equal(QuestionSetSource.Briefing, set.Source);
        Assert.True(set.IsAvailable);
        Assert.Equal(2, questions.Count);
        Assert.Equal(questions.Select(q => (q.QuestionId, q.Text)), set.Questions.Select(q => (q.QuestionId, q.Text)));
    }

    [Fact]
    public async Task A_revised_briefing_updates_its_set_but_a_record_keeps_the_wording_it_used()
    {
        var (version, set) = await data.BriefingAsync();
        var supervisor = await data.SupervisorAsync();
        var participant = await data.PersonAsync();
        var recordId = await data.RecordAsync(supervisor, set, [participant]);
        var questions = await data.WithDbAsync(db => db.ReflectionQuestions.Where(q => q.VersionId == version.Id).OrderBy(q => q.Position).ToListAsync());
        var first = questions[0];

        var fields = Build.Briefing(version.Title, f =>
        {
            f.Questions = [.. questions.Select(q => new QuestionField { Id = q.QuestionId, Text = q.QuestionId == first.QuestionId ? "Corrected: how do we notice neglect early?" : q.Text })];
        });
        var draft = await site.SaveDraftAsync(version.DocumentId, version.Number, fields, version.Slug);
        Assert.True(draft.Succeeded, draft.ToString());
        await site.PublishAsync(version.DocumentId, draft.Value!.Number);

        var (setText, recordText) = await data.WithDbAsync(async db => (
            await db.QuestionSetQuestions.Where(q => q.QuestionSetId == set.Id && q.QuestionId == first.QuestionId).Select(q => q.Text).SingleAsync(),
            await db.DiscussedQuestions.Where(q => q.RecordId == recordId && q.QuestionId == first.QuestionId).Select(q => q.Wording).SingleAsync()));
        Assert.Equal("Corrected: how do we notice neglect early?", setText);
        Assert.Equal(first.Text, recordText);
        Assert.Equal(1, await data.WithDbAsync(db => db.QuestionSets.CountAsync(s => s.DocumentId == version.DocumentId)));
    }

    [Fact]
    public async Task Unpublishing_a_briefing_withdraws_its_set_from_new_records_and_republishing_offers_it_again()
    {
        var (version, set) = await data.BriefingAsync();
        using var client = await data.SignedInAsync(await data.SupervisorAsync());

        await site.WithAsync(sp => sp.GetRequiredService<ContentPublisher>().UnpublishAsync(version.DocumentId, Build.Editor));
        var whileUnpublished = await client.GetDocumentAsync("/supervision/recording/new");
        var draft = await site.SaveDraftAsync(version.DocumentId, version.Number, Build.Briefing(version.Title), version.Slug);
        Assert.True(draft.Succeeded, draft.ToString());
        await site.PublishAsync(version.DocumentId, draft.Value!.Number);
        var republished = await client.GetDocumentAsync("/supervision/recording/new");

        Assert.DoesNotContain(version.Title, whileUnpublished.QuerySelector("main")!.TextContent);
        Assert.Contains(version.Title, republished.QuerySelector("main")!.TextContent);
        Assert.Equal(1, await data.WithDbAsync(db => db.QuestionSets.CountAsync(s => s.DocumentId == version.DocumentId)));
        Assert.True(set.IsAvailable);
    }

    [Fact]
    public async Task An_editor_keeps_a_standing_question_set_that_supervisors_are_offered()
    {
        var editor = await data.PersonAsync("editor", PortalRoles.Editor);
        using var client = await data.SignedInAsync(editor);
        var title = "At a glance " + Guid.NewGuid().ToString("N")[..6];

        var empty = await client.SubmitFormAsync("/manage/supervision/question-sets/edit", new Dictionary<string, string> { ["Input.Title"] = "", ["Input.Questions"] = "" });
        var saved = await client.SubmitFormAsync("/manage/supervision/question-sets/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Questions"] = "Is the plan making a difference for the child?\nWho has seen the child's bedroom?",
            ["Input.Available"] = "yes",
        });

        var errors = (await Infrastructure.PortalClient.ParseAsync(empty)).QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Enter a title", errors);
        Assert.Contains("Enter at least one question", errors);
        Assert.Equal("/manage/supervision/question-sets", saved.Headers.Location!.ToString());
        using var supervisorClient = await data.SignedInAsync(await data.SupervisorAsync());
        var page = await supervisorClient.GetDocumentAsync("/supervision/recording/new");
        Assert.Contains(title + " (partnership question set)", page.QuerySelector("main")!.TextContent);
    }
}
