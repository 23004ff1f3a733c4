using LearningPortal.Core.Feedback;

namespace LearningPortal.Tests.Feedback;

public class FormBuildingTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly FeedbackData feedback = new(site);

    [Fact]
    public async Task A_form_needs_a_name_and_an_unused_web_address()
    {
        var existing = await feedback.FormAsync(anonymous: true);

        var errors = await site.WithScopeAsync(sp => sp.GetRequiredService<FeedbackForms>().ValidateAsync(new FormDetails(" ", existing.Slug, true, ""), null));
        var badSlug = await site.WithScopeAsync(sp => sp.GetRequiredService<FeedbackForms>().ValidateAsync(new FormDetails("Form", "Not A Slug!", true, ""), null));
        var sameForm = await site.WithScopeAsync(sp => sp.GetRequiredService<FeedbackForms>().ValidateAsync(new FormDetails("Renamed", existing.Slug, false, ""), existing.Id));

        Assert.Equal(["Enter the name of the form", "Another form already uses this web address"], errors.Select(e => e.Message));
        Assert.Equal(["Web address must use only lower case letters, numbers and hyphens, for example course-evaluation"], badSlug.Select(e => e.Message));
        Assert.Empty(sameForm);
    }

    [Fact]
    public void A_question_needs_text_and_choice_questions_need_two_different_options()
    {
        var noText = new QuestionDraft(FeedbackQuestionType.Rating, "  ", "", true, []).Normalised().Validate();
        var oneOption = new QuestionDraft(FeedbackQuestionType.SingleChoice, "Where?", "", true, ["Here", " "]).Normalised().Validate();
        var repeated = new QuestionDraft(FeedbackQuestionType.MultipleChoice, "Which?", "", true, ["Tools", "tools"]).Normalised().Validate();
        var scaleWithOptions = new QuestionDraft(FeedbackQuestionType.Agreement, "Agree?", "", true, ["ignored"]).Normalised();

        Assert.Equal(["Enter the question"], noText.Select(e => e.Message));
        Assert.Equal(["Enter at least 2 options, one on each line"], oneOption.Select(e => e.Message));
        Assert.Equal(["Each option must be different"], repeated.Select(e => e.Message));
        Assert.Empty(scaleWithOptions.Options);
        Assert.Empty(scaleWithOptions.Validate());
    }

    [Fact]
    public async Task Removing_an_answered_question_retires_it_and_keeps_its_answers()
    {
        var form = await feedback.FormAsync(anonymous: true);
        // Three people: fewer would be below the small-numbers threshold and the analysis would show nothing.
        foreach (var person in await new TrainingData(site).PeopleAsync(3))
        {
            await feedback.SubmitAsync(form, person, FeedbackData.Answers(form));
        }

        var yesNo = form.CurrentQuestions.Single(q => q.Type == FeedbackQuestionType.YesNo);

        await site.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<FeedbackForms>().RemoveQuestionAsync(yesNo.Id, FeedbackData.Editor);
            return true;
        });
        var changed = await feedback.ReloadAsync(form);
        var report = await feedback.AnalyseAsync(form);

        Assert.DoesNotContain(changed.CurrentQuestions, q => q.Id == yesNo.Id);
        Assert.NotNull(changed.Questions.Single(q => q.Id == yesNo.Id).RetiredUtc);
        var removed = report.Questions.Single(q => q.Key == yesNo.Key);
        Assert.False(removed.IsCurrent);
        Assert.Equal(3, removed.Answered);
    }
}
