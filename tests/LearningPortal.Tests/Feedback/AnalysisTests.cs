using LearningPortal.Core.Feedback;

namespace LearningPortal.Tests.Feedback;

public class AnalysisTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly FeedbackData feedback = new(site);
    private readonly TrainingData people = new(site);

    [Fact]
    public async Task Analysis_counts_responses_and_gives_means_medians_distributions_and_the_confidence_shift()
    {
        var form = await feedback.FormAsync(anonymous: true, required: false, asksAgency: true);
        var agencies = await people.AgencyIdsAsync();
        var crowd = (await people.PeopleAsync(3, agencies[0])).Concat(await people.PeopleAsync(1, agencies[1])).ToList();
        // Ratings 1, 2, 4, 5: mean 3, median 3. Confidence 1->3, 2->4, 3->3, 4->5: before mean 2.5, after 3.75, shift +1.25.
        int[] ratings = [1, 2, 4, 5], before = [1, 2, 3, 4], after = [3, 4, 3, 5];
        for (var i = 0; i < crowd.Count; i++)
        {
            var values = FeedbackData.Answers(form, rating: ratings[i], text: i == 0 ? "Useful case studies about home conditions" : "More case studies please", before: before[i], after: after[i]);
            Assert.Equal(Submission.Saved, (await feedback.SubmitAsync(form, crowd[i], values)).Value);
        }

        var report = await feedback.AnalyseAsync(form);
        var byAgency = await feedback.AnalyseAsync(form, new FeedbackFilter(AgencyId: agencies[1]));
        var future = await feedback.AnalyseAsync(form, new FeedbackFilter(From: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2))));

        Assert.Equal(4, report.Responses);
        var rating = report.Questions.Single(q => q.Type == FeedbackQuestionType.Rating);
        Assert.Equal((4, 3.0, 3.0), (rating.Answered, rating.Mean!.Value, rating.Median!.Value));
        Assert.Equal([1, 1, 0, 1, 1], rating.Distribution.Select(b => b.Count));
        var confidence = report.Questions.Single(q => q.Type == FeedbackQuestionType.ConfidencePair);
        Assert.Equal((2.5, 2.5, 3.75, 3.5, 1.25), (confidence.Mean!.Value, confidence.Median!.Value, confidence.AfterMean!.Value, confidence.AfterMedian!.Value, confidence.MeanShift!.Value));
        Assert.Equal((3, 1, 0), (confidence.MoreConfident, confidence.NoChange, confidence.LessConfident));
        var multiple = report.Questions.Single(q => q.Type == FeedbackQuestionType.MultipleChoice);
        Assert.Equal([("Case studies", 4), ("Tools", 0), ("Discussion", 4)], multiple.Distribution.Select(b => (b.Label, b.Count)));
        Assert.Equal([("No", 0), ("Yes", 4)], report.Questions.Single(q => q.Type == FeedbackQuestionType.YesNo).Distribution.Select(b => (b.Label, b.Count)));
        Assert.Equal(4, report.Questions.Single(q => q.Type == FeedbackQuestionType.LongText).Answered);
        var month = Assert.Single(report.Trend);
        Assert.Equal((DateTime.UtcNow.Year, DateTime.UtcNow.Month, 4), (month.Year, month.Month, month.Count));
        // One response from that agency: below the small-numbers threshold, so nothing about it is given.
        Assert.True(byAgency.IsSuppressed);
        Assert.Equal("fewer than 3", byAgency.Count.ToString());
        Assert.Empty(byAgency.Questions);
        Assert.Equal(0, future.Responses);

        var words = await site.WithScopeAsync(sp => sp.GetRequiredService<FeedbackAnalysis>().FrequentWordsAsync(form.Id, new FeedbackFilter(), null, 3));
        Assert.Equal(("case", 8), (words[0].Label, words[0].Count));
        Assert.Equal(4, report.Count.Value);
        Assert.DoesNotContain(words, w => w.Label is "about" or "with" or "more");
        var found = await site.WithScopeAsync(sp => sp.GetRequiredService<FeedbackAnalysis>().CommentsAsync(form.Id, new FeedbackFilter(), "HOME CONDITIONS", 10));
        Assert.Equal(2, found.Count); // the short and the long text answer of the first person
    }

    [Fact]
    public async Task A_narrow_filter_looked_up_by_response_gives_the_same_analysis_as_the_join()
    {
        var form = await feedback.FormAsync(anonymous: false, required: false, asksAgency: true);
        var agencies = await people.AgencyIdsAsync();
        var crowd = (await people.PeopleAsync(4, agencies[0])).Concat(await people.PeopleAsync(3, agencies[1])).ToList();
        for (var i = 0; i < crowd.Count; i++)
        {
            var values = FeedbackData.Answers(form, rating: 1 + (i % 5), text: $"Chronology practice note {i}", before: 1 + (i % 3), after: 2 + (i % 3));
            Assert.Equal(Submission.Saved, (await feedback.SubmitAsync(form, crowd[i], values)).Value);
        }

        var filter = new FeedbackFilter(AgencyId: agencies[0]);
        var (byId, byJoin) = await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var smallNumbers = sp.GetRequiredService<LearningPortal.Core.Reporting.SmallNumbers>();
            return (await Everything(new FeedbackAnalysis(db, smallNumbers)), await Everything(new FeedbackAnalysis(db, smallNumbers) { NarrowFilter = 0 }));
        });

        Assert.Equal(4, byId.Report.Responses);
        Assert.Equal(4, byId.Comments.Count / 2); // a short and a long text answer each
        Assert.Equal(Describe(byJoin.Report), Describe(byId.Report));
        // The narrow path counts its responses and their trend in memory; the full path in the database.
        Assert.Equal((byJoin.Report.Responses, byJoin.Report.SessionResponses, byJoin.Report.Invited), (byId.Report.Responses, byId.Report.SessionResponses, byId.Report.Invited));
        Assert.Equal(byJoin.Report.Trend, byId.Report.Trend);
        Assert.Equal(byJoin.Comments, byId.Comments);
        Assert.Equal(byJoin.Count, byId.Count);
        Assert.Equal(byJoin.Words, byId.Words);
        Assert.Equal("Chronology practice note 3", byId.Comments[0].Text); // latest first

        async Task<(FeedbackReport Report, List<Comment> Comments, int Count, List<Bar> Words)> Everything(FeedbackAnalysis analysis) =>
            (await analysis.AnalyseAsync(form.Id, filter), [.. await analysis.CommentsAsync(form.Id, filter, null, 50)],
             await analysis.CountCommentsAsync(form.Id, filter, "practice"), [.. await analysis.FrequentWordsAsync(form.Id, filter, null, 10)]);

        static string Describe(FeedbackReport report) => string.Join("; ", report.Questions.Select(q =>
            $"{q.Text}: {q.Answered} [{string.Join(",", q.Distribution.Select(b => b.Count))}] {q.Mean} {q.MeanShift}"));
    }

    [Fact]
    public async Task Responses_are_counted_in_the_uk_month_they_were_given()
    {
        var form = await feedback.FormAsync(anonymous: true, required: false);
        var crowd = await people.PeopleAsync(3);
        DateTime[] submitted =
        [
            new(2026, 3, 31, 23, 30, 0, DateTimeKind.Utc), // 00:30 BST on 1 April
            new(2026, 3, 31, 22, 30, 0, DateTimeKind.Utc), // 23:30 BST on 31 March
            new(2026, 1, 31, 23, 30, 0, DateTimeKind.Utc), // 23:30 GMT on 31 January
        ];
        foreach (var person in crowd)
        {
            Assert.Equal(Submission.Saved, (await feedback.SubmitAsync(form, person, FeedbackData.Answers(form))).Value);
        }

        await site.WithDbAsync(async db =>
        {
            var responses = await db.FeedbackResponses.Where(r => r.FormId == form.Id).OrderBy(r => r.Id).ToListAsync();
            for (var i = 0; i < responses.Count; i++)
            {
                responses[i].SubmittedUtc = submitted[i];
            }

            await db.SaveChangesAsync();
        });

        var report = await feedback.AnalyseAsync(form);
        var april = await feedback.AnalyseAsync(form, new FeedbackFilter(From: new DateOnly(2026, 4, 1), To: new DateOnly(2026, 4, 30)));

        Assert.Equal([(2026, 1, 1), (2026, 3, 1), (2026, 4, 1)], report.Trend.Select(m => (m.Year, m.Month, m.Count)));
        // A filter leaving few responses reads them and puts them in UK months in memory: the same months.
        var filtered = await feedback.AnalyseAsync(form, new FeedbackFilter(From: new DateOnly(2026, 1, 1)));
        Assert.Equal([(2026, 1, 1), (2026, 3, 1), (2026, 4, 1)], filtered.Trend.Select(m => (m.Year, m.Month, m.Count)));
        // One response in April: too few to show anything about.
        Assert.True(april.IsSuppressed);
    }

    [Fact]
    public async Task Csv_export_of_an_anonymous_form_names_nobody_and_a_named_form_gives_emails()
    {
        var anonymous = await feedback.FormAsync(anonymous: true);
        var named = await feedback.FormAsync(anonymous: false);
        var person = await people.PersonAsync();
        await feedback.SubmitAsync(anonymous, person, FeedbackData.Answers(anonymous, text: "Anonymous comment, with a comma"));
        foreach (var other in await people.PeopleAsync(2))
        {
            await feedback.SubmitAsync(anonymous, other, FeedbackData.Answers(anonymous, text: "Another comment"));
        }

        await feedback.SubmitAsync(named, person, FeedbackData.Answers(named));
        using var client = await site.SignedInClientAsync("editor", PortalRoles.Editor);

        var anonymousCsv = await client.GetAsync($"/manage/feedback/{anonymous.Id}/analysis?handler=Csv");
        var namedCsv = await client.GetAsync($"/manage/feedback/{named.Id}/analysis?handler=Csv");

        Assert.Equal(HttpStatusCode.OK, anonymousCsv.StatusCode);
        Assert.Equal("text/csv", anonymousCsv.Content.Headers.ContentType!.MediaType);
        var text = await anonymousCsv.Content.ReadAsStringAsync();
        Assert.DoesNotContain(person.Id, text, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Email!, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Email", text.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("\"Anonymous comment, with a comma\"", text, StringComparison.Ordinal);
        Assert.Contains("How confident are you in recognising neglect? (before)", text, StringComparison.Ordinal);
        Assert.Equal(4, text.Trim().Split('\n').Length);
        Assert.Contains("Month given", text.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains(person.Email!, await namedCsv.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Analysis_page_shows_counts_and_each_chart_has_a_matching_data_table()
    {
        var form = await feedback.FormAsync(anonymous: true);
        var crowd = await people.PeopleAsync(3);
        for (var i = 0; i < crowd.Count; i++)
        {
            await feedback.SubmitAsync(form, crowd[i], FeedbackData.Answers(form, rating: i + 3));
        }

        using var client = await site.SignedInClientAsync("editor", PortalRoles.Editor);

        var page = await client.GetDocumentAsync($"/manage/feedback/{form.Id}/analysis");

        Assert.Equal("3", page.QuerySelector("#responses-count")!.TextContent.Trim());
        Assert.Equal("4.0", page.QuerySelector("#mean-1")!.TextContent.Trim());
        var svg = page.QuerySelector("svg[role=img]#chart-1, svg[aria-labelledby^='chart-1-title']")!;
        Assert.Equal("How useful was it?", svg.QuerySelector("title")!.TextContent);
        var rows = page.QuerySelectorAll("#chart-1-table tbody tr").Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td")!.TextContent)).ToList();
        Assert.Equal([("1 - Poor", "0"), ("2 - Fair", "0"), ("3 - Good", "1"), ("4 - Very good", "1"), ("5 - Excellent", "1")], rows);
        Assert.Equal(string.Join("; ", rows.Select(r => $"{r.Item1}: {r.Item2}")), svg.QuerySelector("desc")!.TextContent);
    }

    [Fact]
    public void Frequent_words_keep_words_with_digits_whole()
    {
        var words = FeedbackAnalysis.CountWords(["The GCP2 tool helped", "gcp2 training was good", "Use GCP2 with 0-19 staff", "In 2025 we"], 10);

        Assert.Equal(("GCP2", 3), (words[0].Label, words[0].Count));
        Assert.DoesNotContain(words, w => w.Label is "gcp" or "2025" or "0");
        Assert.DoesNotContain(words, w => w.Label == "19");
    }

    [Fact]
    public async Task Filtered_analysis_page_with_too_few_responses_shows_fewer_than_and_hides_comments()
    {
        var form = await feedback.FormAsync(anonymous: true, asksAgency: true);
        var agencies = await people.AgencyIdsAsync();
        var crowd = await people.PeopleAsync(4);
        for (var i = 0; i < crowd.Count; i++)
        {
            await site.WithScopeAsync(async sp =>
            {
                var tokens = sp.GetRequiredService<FeedbackTokens>();
                var ticket = tokens.Read(tokens.Issue(new FeedbackTicket(form.Id, FeedbackPlace.Standalone, crowd[i].Id)))!;
                var current = (await sp.GetRequiredService<FeedbackForms>().FindAsync(form.Id))!;
                return await sp.GetRequiredService<FeedbackAnswering>().SubmitAsync(current, ticket,
                    FeedbackData.Answers(form, text: i == 0 ? "Only the one from this agency said this" : "Helpful"), i == 0 ? agencies[1] : agencies[0]);
            });
        }

        using var client = await site.SignedInClientAsync("editor", PortalRoles.Editor);

        var all = await client.GetDocumentAsync($"/manage/feedback/{form.Id}/analysis");
        var filtered = await client.GetDocumentAsync($"/manage/feedback/{form.Id}/analysis?agency={agencies[1]}");

        Assert.Equal("4", all.QuerySelector("#responses-count")!.TextContent.Trim());
        Assert.Equal("fewer than 3", filtered.QuerySelector("#responses-count")!.TextContent.Trim());
        Assert.DoesNotContain("Only the one from this agency", filtered.QuerySelector("main")!.TextContent);
        Assert.Null(filtered.QuerySelector("#mean-1"));
        Assert.Contains("Only the one from this agency", all.QuerySelector("main")!.TextContent);

        // Beside an anonymous comment: the question only, no date and no agency.
        var commentLines = all.QuerySelectorAll(".govuk-inset-text .govuk-body-s").Select(p => p.TextContent.Trim()).ToList();
        Assert.NotEmpty(commentLines);
        Assert.All(commentLines, line => Assert.DoesNotContain(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), line));
    }
}
