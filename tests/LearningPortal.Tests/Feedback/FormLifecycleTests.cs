using LearningPortal.Core.Feedback;

namespace LearningPortal.Tests.Feedback;

/// <summary>Forms are drafts until opened (never without a question), can open and close by date, be previewed and duplicated.</summary>
public class FormLifecycleTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly FeedbackData feedback = new(site);
    private readonly TrainingData people = new(site);

    [Fact]
    public async Task A_new_form_is_a_draft_that_takes_no_answers_and_cannot_open_without_a_question()
    {
        var (created, opened) = await site.WithScopeAsync(async sp =>
        {
            var forms = sp.GetRequiredService<FeedbackForms>();
            var slug = "empty-" + Guid.NewGuid().ToString("N")[..8];
            var made = await forms.CreateAsync(new FormDetails("Empty form", slug, true, ""), FeedbackData.Editor);
            return (made, await forms.SetStateAsync(made.Value, FeedbackFormState.Open, null, null, FeedbackData.Editor));
        });
        var draft = await feedback.FormAsync(anonymous: true, open: false);
        using var visitor = site.CreatePortalClient();

        var page = await visitor.GetDocumentAsync($"/feedback/{draft.Slug}");
        var answered = await feedback.SubmitAsync(draft, await people.PersonAsync(), FeedbackData.Answers(draft));

        Assert.Equal("Add at least one question before you open the form", Assert.Single(opened.Errors).Message);
        Assert.Equal(FeedbackFormState.Draft, (await FormAsync(created.Value)).State);
        Assert.Contains("not taking answers", page.QuerySelector("main")!.TextContent);
        Assert.Null(page.QuerySelector("main form"));
        Assert.Equal(Refusal.NotAllowed, answered.Refusal);
    }

    [Fact]
    public async Task An_open_form_takes_answers_only_between_its_dates_and_not_once_closed()
    {
        var form = await feedback.FormAsync(anonymous: false);
        var person = await people.PersonAsync();
        await SetStateAsync(form.Id, FeedbackFormState.Open, DateTime.UtcNow.AddDays(1), null);
        var early = await feedback.SubmitAsync(form, person, FeedbackData.Answers(form));
        await SetStateAsync(form.Id, FeedbackFormState.Open, DateTime.UtcNow.AddDays(-2), DateTime.UtcNow.AddDays(-1));
        var late = await feedback.SubmitAsync(form, person, FeedbackData.Answers(form));
        await SetStateAsync(form.Id, FeedbackFormState.Closed, null, null);
        var closed = await feedback.SubmitAsync(form, person, FeedbackData.Answers(form));
        await SetStateAsync(form.Id, FeedbackFormState.Open, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(1));
        var inside = await feedback.SubmitAsync(form, person, FeedbackData.Answers(form));

        Assert.Equal([Refusal.NotAllowed, Refusal.NotAllowed, Refusal.NotAllowed, Refusal.None],
            [early.Refusal, late.Refusal, closed.Refusal, inside.Refusal]);
    }

    [Fact]
    public async Task Removing_the_last_question_of_an_open_form_takes_it_back_to_draft()
    {
        var form = await feedback.FormAsync(anonymous: true);
        await site.WithScopeAsync(async sp =>
        {
            var forms = sp.GetRequiredService<FeedbackForms>();
            foreach (var q in form.CurrentQuestions)
            {
                await forms.RemoveQuestionAsync(q.Id, FeedbackData.Editor);
            }

            return 0;
        });

        Assert.Equal(FeedbackFormState.Draft, (await FormAsync(form.Id)).State);
    }

    [Fact]
    public async Task Editor_previews_a_draft_duplicates_and_closes_a_form()
    {
        var form = await feedback.FormAsync(anonymous: true, open: false);
        using var client = await site.SignedInClientAsync("editor", PortalRoles.Editor);

        var preview = await client.GetDocumentAsync($"/feedback/{form.Slug}?preview=true");
        Assert.Contains("Preview", preview.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Contains(form.CurrentQuestions.First().Text, preview.QuerySelector("main form")!.TextContent);
        Assert.Null(preview.QuerySelector("main form button[type=submit]"));
        using var visitor = site.CreatePortalClient();
        Assert.Null((await visitor.GetDocumentAsync($"/feedback/{form.Slug}?preview=true")).QuerySelector(".govuk-notification-banner"));

        var opened = await client.SubmitFormAsync($"/manage/feedback/{form.Id}/status", new Dictionary<string, string> { ["State"] = "Open" });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(FeedbackFormState.Open, (await FormAsync(form.Id)).State);

        var formPage = await client.GetDocumentAsync($"/manage/feedback/{form.Id}");
        var duplicated = await client.SubmitFormAsync(formPage, $"/manage/feedback/{form.Id}", new Dictionary<string, string>(), "form[action*='handler=Duplicate']");
        var copyId = int.Parse(duplicated.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var copy = await FormAsync(copyId);
        Assert.Equal(("Copy of " + form.Name, form.Slug + "-copy", FeedbackFormState.Draft), (copy.Name, copy.Slug, copy.State));
        Assert.Equal(form.CurrentQuestions.Select(q => q.Text), copy.CurrentQuestions.Select(q => q.Text));
        Assert.Empty(copy.CurrentQuestions.Select(q => q.Key).Intersect(form.CurrentQuestions.Select(q => q.Key)));

        formPage = await client.GetDocumentAsync($"/manage/feedback/{form.Id}");
        await client.SubmitFormAsync(formPage, $"/manage/feedback/{form.Id}", new Dictionary<string, string>(), "form[action*='handler=Close']");
        Assert.Equal(FeedbackFormState.Closed, (await FormAsync(form.Id)).State);
    }

    [Fact]
    public async Task Status_page_refuses_to_open_a_form_without_questions()
    {
        var id = await site.WithScopeAsync(async sp => (await sp.GetRequiredService<FeedbackForms>()
            .CreateAsync(new FormDetails("No questions", "none-" + Guid.NewGuid().ToString("N")[..8], false, ""), FeedbackData.Editor)).Value);
        using var client = await site.SignedInClientAsync("editor", PortalRoles.Editor);

        var page = await PortalClient.ParseAsync(await client.SubmitFormAsync($"/manage/feedback/{id}/status", new Dictionary<string, string> { ["State"] = "Open" }));

        Assert.Contains("Add at least one question before you open the form", page.QuerySelector(".govuk-error-summary")!.TextContent);
    }

    private Task<FeedbackForm> FormAsync(int id) =>
        site.WithScopeAsync(async sp => (await sp.GetRequiredService<FeedbackForms>().FindAsync(id))!);

    private Task<int> SetStateAsync(int id, FeedbackFormState state, DateTime? opens, DateTime? closes) =>
        site.WithScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<FeedbackForms>().SetStateAsync(id, state, opens, closes, FeedbackData.Editor);
            Assert.True(result.Succeeded);
            return 0;
        });
}
