using LearningPortal.Core.Feedback;

namespace LearningPortal.Tests.Feedback;

/// <summary>Builds forms and responses for feedback tests through the module's own services.</summary>
public sealed class FeedbackData(PortalFactory site)
{
    public const string EditorId = "test-editor";

    public static readonly Actor Editor = new(EditorId, "Test editor");

    public PortalFactory Site => site;

    /// <summary>
    /// A form with one question of each type, in type order, all required unless told otherwise; with a course, the
    /// course's evaluation form. Opened for answers unless <paramref name="open"/> is false (then a draft).
    /// </summary>
    public async Task<FeedbackForm> FormAsync(bool anonymous, bool required = true, int? courseId = null, bool open = true, bool asksAgency = false)
    {
        var slug = "form-" + Guid.NewGuid().ToString("N")[..10];
        return await site.WithScopeAsync(async sp =>
        {
            var forms = sp.GetRequiredService<FeedbackForms>();
            var created = await forms.CreateAsync(new FormDetails($"Test form {slug}", slug, anonymous, "Tell us what you think.", asksAgency), Editor);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
            foreach (var draft in AllTypes(required))
            {
                var added = await forms.AddQuestionAsync(created.Value, draft, Editor);
                Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Message)));
            }

            if (open)
            {
                var opened = await forms.SetStateAsync(created.Value, FeedbackFormState.Open, null, null, Editor);
                Assert.True(opened.Succeeded, string.Join("; ", opened.Errors.Select(e => e.Message)));
            }

            if (courseId is { } id)
            {
                var db = sp.GetRequiredService<PortalDbContext>();
                var course = await db.Courses.SingleAsync(c => c.Id == id);
                course.EvaluationFormId = created.Value;
                await db.SaveChangesAsync();
            }

            return (await forms.FindAsync(created.Value))!;
        });
    }

    public static IEnumerable<QuestionDraft> AllTypes(bool required) =>
    [
        new(FeedbackQuestionType.Rating, "How useful was it?", "", required, []),
        new(FeedbackQuestionType.Agreement, "It will change my practice", "", required, []),
        new(FeedbackQuestionType.SingleChoice, "How will you use it?", "", required, ["On my own", "In supervision", "In a team meeting"]),
        new(FeedbackQuestionType.MultipleChoice, "Which parts helped?", "", required, ["Case studies", "Tools", "Discussion"]),
        new(FeedbackQuestionType.YesNo, "Were the objectives met?", "", required, []),
        new(FeedbackQuestionType.ShortText, "One thing you will do", "", required, []),
        new(FeedbackQuestionType.LongText, "Any other comments", "", required, []),
        new(FeedbackQuestionType.ConfidencePair, "How confident are you in recognising neglect?", "", required, []),
    ];

    public Task<FeedbackForm> ReloadAsync(FeedbackForm form) =>
        site.WithScopeAsync(async sp => (await sp.GetRequiredService<FeedbackForms>().FindAsync(form.Id))!);

    /// <summary>Valid answers to every current question of a form built by <see cref="FormAsync"/>.</summary>
    public static Dictionary<string, string[]> Answers(FeedbackForm form, int rating = 4, string text = "More home visits", int before = 2, int after = 4)
    {
        var values = new Dictionary<string, string[]>();
        foreach (var q in form.CurrentQuestions)
        {
            var field = FeedbackAnswering.FieldFor(q);
            values[field] = q.Type switch
            {
                FeedbackQuestionType.Rating or FeedbackQuestionType.Agreement => [rating.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                FeedbackQuestionType.SingleChoice => ["1"],
                FeedbackQuestionType.MultipleChoice => ["0", "2"],
                FeedbackQuestionType.YesNo => ["1"],
                FeedbackQuestionType.ShortText or FeedbackQuestionType.LongText => [text],
                _ => [before.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            };
            if (q.Type == FeedbackQuestionType.ConfidencePair)
            {
                values[FeedbackAnswering.AfterFieldFor(q)] = [after.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            }
        }

        return values;
    }

    /// <summary>Submits answers as a person through the answering service (a token issued for them, then spent).</summary>
    public Task<Outcome<Submission>> SubmitAsync(FeedbackForm form, PortalUser person, Dictionary<string, string[]> values, FeedbackPlace? place = null) =>
        site.WithScopeAsync(async sp =>
        {
            var tokens = sp.GetRequiredService<FeedbackTokens>();
            var ticket = tokens.Read(tokens.Issue(new FeedbackTicket(form.Id, place ?? FeedbackPlace.Standalone, person.Id)))!;
            var current = (await sp.GetRequiredService<FeedbackForms>().FindAsync(form.Id))!;
            return await sp.GetRequiredService<FeedbackAnswering>().SubmitAsync(current, ticket, values, person.AgencyId);
        });

    public Task<List<FeedbackResponse>> ResponsesAsync(FeedbackForm form) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().FeedbackResponses.AsNoTracking()
            .Include(r => r.Answers).ThenInclude(a => a.Question)
            .Where(r => r.FormId == form.Id).OrderBy(r => r.Id).ToListAsync());

    public Task<FeedbackReport> AnalyseAsync(FeedbackForm form, FeedbackFilter? filter = null) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<FeedbackAnalysis>().AnalyseAsync(form.Id, filter ?? new FeedbackFilter()));
}
