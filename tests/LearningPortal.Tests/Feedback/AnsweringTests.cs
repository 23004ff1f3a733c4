using LearningPortal.Core.Feedback;

namespace LearningPortal.Tests.Feedback;

public class AnsweringTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly FeedbackData feedback = new(site);
    private readonly TrainingData people = new(site);

    [Fact]
    public async Task Each_question_type_asks_for_a_required_answer_and_refuses_values_it_does_not_offer()
    {
        var form = await feedback.FormAsync(anonymous: true);
        var questions = form.CurrentQuestions.ToList();

        var (_, missing) = FeedbackAnswering.Check(questions, new Dictionary<string, string[]>());
        var invalid = new Dictionary<string, string[]>
        {
            [FeedbackAnswering.FieldFor(questions[0])] = ["6"],
            [FeedbackAnswering.FieldFor(questions[1])] = ["0"],
            [FeedbackAnswering.FieldFor(questions[2])] = ["3"],
            [FeedbackAnswering.FieldFor(questions[3])] = ["0", "7"],
            [FeedbackAnswering.FieldFor(questions[4])] = ["2"],
            [FeedbackAnswering.FieldFor(questions[5])] = [new string('x', FeedbackAnswering.ShortTextMax + 1)],
            [FeedbackAnswering.FieldFor(questions[6])] = [new string('x', FeedbackAnswering.LongTextMax + 1)],
            [FeedbackAnswering.FieldFor(questions[7])] = ["3"],
        };
        var (_, wrong) = FeedbackAnswering.Check(questions, invalid);
        var (valid, none) = FeedbackAnswering.Check(questions, FeedbackData.Answers(form));

        Assert.Equal(
        [
            "Select an answer to: How useful was it?",
            "Select an answer to: It will change my practice",
            "Select an answer to: How will you use it?",
            "Select at least one option for: Which parts helped?",
            "Select yes or no for: Were the objectives met?",
            "Enter an answer to: One thing you will do",
            "Enter an answer to: Any other comments",
            "Select how confident you were before: How confident are you in recognising neglect?",
            "Select how confident you are now: How confident are you in recognising neglect?",
        ], missing.Select(e => e.Message));
        Assert.Equal(
        [
            "Select an answer from the list",
            "Select an answer from the list",
            "Select an answer from the list",
            "Select options from the list for: Which parts helped?",
            "Select an answer from the list",
            "Answer must be 200 characters or fewer: One thing you will do",
            "Answer must be 4,000 characters or fewer: Any other comments",
            "Select how confident you are now: How confident are you in recognising neglect?",
        ], wrong.Select(e => e.Message));
        Assert.Empty(none);
        Assert.Equal(8, valid.Count);
        Assert.Equal(0b101, valid.Single(a => a.Question.Type == FeedbackQuestionType.MultipleChoice).Number);
        Assert.Equal((2, 4), valid.Single(a => a.Question.Type == FeedbackQuestionType.ConfidencePair) is var c ? (c.Number, c.After) : default);
    }

    [Fact]
    public async Task Optional_questions_can_be_left_blank()
    {
        var form = await feedback.FormAsync(anonymous: true, required: false);

        var (answers, errors) = FeedbackAnswering.Check(form.CurrentQuestions, new Dictionary<string, string[]>());

        Assert.Empty(errors);
        Assert.Empty(answers);
    }

    [Fact]
    public async Task Answering_page_shows_errors_keeps_what_was_chosen_then_thanks_the_person()
    {
        var form = await feedback.FormAsync(anonymous: false);
        using var client = await site.SignedInClientAsync("answer");
        var rating = FeedbackAnswering.FieldFor(form.CurrentQuestions.First());

        var invalid = await client.SubmitFormAsync($"/feedback/{form.Slug}", new Dictionary<string, string> { [rating] = "5" });
        var page = await PortalClient.ParseAsync(invalid);
        var valid = await client.SubmitFormAsync(page, $"/feedback/{form.Slug}", FeedbackData.Answers(form).ToDictionary(kv => kv.Key, kv => kv.Value[0]));

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.NotNull(page.QuerySelector(".govuk-error-summary"));
        Assert.StartsWith("Error:", page.Title);
        Assert.Equal(8, page.QuerySelectorAll(".govuk-error-summary__list li").Length);
        Assert.NotNull(page.QuerySelector($"input[name='{rating}'][value='5'][checked]"));
        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        Assert.Equal($"/feedback/{form.Slug}/thank-you", valid.Headers.Location!.OriginalString);
        var thanks = await client.GetDocumentAsync(valid.Headers.Location.OriginalString);
        Assert.Contains("Thank you for your feedback", thanks.QuerySelector("h1")!.TextContent);
        var response = Assert.Single(await feedback.ResponsesAsync(form));
        Assert.NotNull(response.UserId);
    }

    [Fact]
    public async Task Named_form_asks_people_who_are_not_signed_in_to_sign_in()
    {
        var form = await feedback.FormAsync(anonymous: false);
        using var client = site.CreatePortalClient();

        var response = await client.GetAsync($"/feedback/{form.Slug}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Anonymous_responses_store_no_user_identifier_in_the_response_table()
    {
        var form = await feedback.FormAsync(anonymous: true);
        var person = await people.PersonAsync();

        var result = await feedback.SubmitAsync(form, person, FeedbackData.Answers(form));

        Assert.Equal(Submission.Saved, result.Value);
        // Read every column of the stored row as the database has it: none holds the person's id, email or name.
        var cells = await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"FeedbackResponses\" WHERE \"FormId\" = {form.Id}";
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<(string Column, object Value)>();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values.Add((reader.GetName(i), reader.GetValue(i)));
                }
            }

            return values;
        });
        Assert.Equal(DBNull.Value, cells.Single(c => c.Column == "UserId").Value);
        Assert.DoesNotContain(cells, c => c.Value is string s && (s.Contains(person.Id, StringComparison.Ordinal) || s.Contains(person.Email!, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(form.Id, Convert.ToInt32(cells.Single(c => c.Column == "FormId").Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_spent_token_stops_a_second_answer_even_from_a_new_token()
    {
        var form = await feedback.FormAsync(anonymous: true);
        var person = await people.PersonAsync();

        var first = await feedback.SubmitAsync(form, person, FeedbackData.Answers(form, rating: 5));
        var second = await feedback.SubmitAsync(form, person, FeedbackData.Answers(form, rating: 1));
        var elsewhere = await feedback.SubmitAsync(form, person, FeedbackData.Answers(form, rating: 1), FeedbackPlace.Briefing(12345));

        Assert.Equal(Submission.Saved, first.Value);
        Assert.Equal(Submission.AlreadyAnswered, second.Value);
        // Answering the same form from another briefing is another answer.
        Assert.Equal(Submission.Saved, elsewhere.Value);
        var responses = await feedback.ResponsesAsync(form);
        Assert.Equal(2, responses.Count);
        Assert.Equal(5, responses[0].Answers.Single(a => a.Question.Type == FeedbackQuestionType.Rating).Number);
    }

    [Fact]
    public async Task Two_concurrent_posts_of_the_same_token_store_one_response()
    {
        var form = await feedback.FormAsync(anonymous: true);
        using var client = await site.SignedInClientAsync("double");
        var page = await client.GetDocumentAsync($"/feedback/{form.Slug}");
        var fields = FeedbackData.Answers(form).ToDictionary(kv => kv.Key, kv => kv.Value[0]);

        // A double click: the same page, same token, posted several times at once.
        var posts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => client.SubmitFormAsync(page, $"/feedback/{form.Slug}", fields))));

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Redirect, p.StatusCode));
        Assert.Single(await feedback.ResponsesAsync(form));
        Assert.Contains(posts, p => p.Headers.Location!.OriginalString == $"/feedback/{form.Slug}/thank-you");
        var again = await client.GetAsync($"/feedback/{form.Slug}");
        Assert.Equal($"/feedback/{form.Slug}/thank-you?already=true", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Concurrent_submissions_from_different_people_never_mix_answers()
    {
        var form = await feedback.FormAsync(anonymous: false);
        var crowd = await people.PeopleAsync(40);

        // Each person's answers are their own: a rating, a comment naming them, and a confidence pair from their position.
        var results = await Task.WhenAll(crowd.Select((p, i) => Task.Run(() =>
            feedback.SubmitAsync(form, p, FeedbackData.Answers(form, rating: (i % 5) + 1, text: "answer of " + p.Id, before: (i % 5) + 1, after: ((i + 2) % 5) + 1)))));

        Assert.All(results, r => Assert.Equal(Submission.Saved, r.Value));
        var responses = await feedback.ResponsesAsync(form);
        Assert.Equal(40, responses.Count);
        foreach (var response in responses)
        {
            var i = crowd.FindIndex(p => p.Id == response.UserId);
            Assert.True(i >= 0);
            Assert.Equal(8, response.Answers.Count);
            Assert.All(response.Answers.Where(a => a.Text is not null), a => Assert.Equal("answer of " + crowd[i].Id, a.Text));
            Assert.Equal((i % 5) + 1, response.Answers.Single(a => a.Question.Type == FeedbackQuestionType.Rating).Number);
            var pair = response.Answers.Single(a => a.Question.Type == FeedbackQuestionType.ConfidencePair);
            Assert.Equal(((i % 5) + 1, ((i + 2) % 5) + 1), (pair.Number!.Value, pair.After!.Value));
        }
    }

    [Fact]
    public async Task Changing_a_question_with_answers_keeps_earlier_answers_with_the_wording_they_answered()
    {
        var form = await feedback.FormAsync(anonymous: true);
        var person = await people.PersonAsync();
        await feedback.SubmitAsync(form, person, FeedbackData.Answers(form));
        var choice = form.CurrentQuestions.Single(q => q.Type == FeedbackQuestionType.SingleChoice);

        var change = await site.WithScopeAsync(sp => sp.GetRequiredService<FeedbackForms>().UpdateQuestionAsync(choice.Id,
            new QuestionDraft(FeedbackQuestionType.SingleChoice, "Where will you use it?", "", true, ["Alone", "In supervision", "In a team meeting", "Not at all"]), FeedbackData.Editor));
        var changed = await feedback.ReloadAsync(form);
        foreach (var later in await people.PeopleAsync(2))
        {
            await feedback.SubmitAsync(changed, later, FeedbackData.Answers(changed));
        }

        Assert.True(change.Succeeded);
        Assert.NotEqual(choice.Id, change.Value);
        var current = changed.CurrentQuestions.Single(q => q.Type == FeedbackQuestionType.SingleChoice);
        Assert.Equal(("Where will you use it?", choice.Key), (current.Text, current.Key));
        var old = changed.Questions.Single(q => q.Id == choice.Id);
        Assert.NotNull(old.RetiredUtc);
        var responses = await feedback.ResponsesAsync(form);
        var earlier = responses[0].Answers.Single(a => a.Question.Key == choice.Key);
        Assert.Equal(("How will you use it?", "In supervision"), (earlier.Question.Text, FeedbackExport.Describe(earlier.Question, earlier)));
        var newer = responses[1].Answers.Single(a => a.Question.Key == choice.Key);
        Assert.Equal(("Where will you use it?", "In supervision"), (newer.Question.Text, FeedbackExport.Describe(newer.Question, newer)));
        // The analysis counts all three under the current wording, matching options by their text.
        var summary = (await feedback.AnalyseAsync(form)).Questions.Single(q => q.Key == choice.Key);
        Assert.Equal(["How will you use it?"], summary.EarlierWordings);
        Assert.Equal(3, summary.Distribution.Single(b => b.Label == "In supervision").Count);
    }

    [Fact]
    public async Task A_question_without_answers_changes_in_place_and_reordering_moves_it()
    {
        var form = await feedback.FormAsync(anonymous: true);
        var first = form.CurrentQuestions.First();

        await site.WithScopeAsync(async sp =>
        {
            var forms = sp.GetRequiredService<FeedbackForms>();
            await forms.UpdateQuestionAsync(first.Id, new QuestionDraft(FeedbackQuestionType.Rating, "How good was it?", "Think about the whole session", false, []), FeedbackData.Editor);
            await forms.MoveQuestionAsync(first.Id, 1, FeedbackData.Editor);
            return true;
        });
        var changed = await feedback.ReloadAsync(form);

        Assert.Equal(8, changed.Questions.Count);
        var moved = changed.CurrentQuestions.ElementAt(1);
        Assert.Equal((first.Id, "How good was it?", "Think about the whole session", false), (moved.Id, moved.Text, moved.HelpText, moved.IsRequired));
    }
}
