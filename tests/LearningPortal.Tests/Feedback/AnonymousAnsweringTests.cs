using LearningPortal.Core.Feedback;
using LearningPortal.Core.Time;

namespace LearningPortal.Tests.Feedback;

/// <summary>Anonymous forms: answerable without an account, once per browser, keeping nothing that identifies anyone.</summary>
public class AnonymousAnsweringTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly FeedbackData feedback = new(site);
    private readonly TrainingData people = new(site);

    [Fact]
    public async Task Visitor_without_an_account_answers_an_anonymous_form_once_per_browser()
    {
        var form = await feedback.FormAsync(anonymous: true);
        using var visitor = site.CreatePortalClient();

        var page = await visitor.GetAsync($"/feedback/{form.Slug}");
        var document = await PortalClient.ParseAsync(page);
        var sent = await visitor.SubmitFormAsync(document, $"/feedback/{form.Slug}", Fields(form));
        var again = await visitor.GetAsync($"/feedback/{form.Slug}");
        using var otherBrowser = site.CreatePortalClient();
        var other = await otherBrowser.SubmitFormAsync($"/feedback/{form.Slug}", Fields(form));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal($"/feedback/{form.Slug}/thank-you", sent.Headers.Location!.OriginalString);
        Assert.Equal($"/feedback/{form.Slug}/thank-you?already=true", again.Headers.Location!.OriginalString);
        Assert.Equal($"/feedback/{form.Slug}/thank-you", other.Headers.Location!.OriginalString);
        Assert.Equal(2, (await feedback.ResponsesAsync(form)).Count);
    }

    [Fact]
    public async Task Reposting_a_spent_page_from_the_same_browser_stores_nothing_new()
    {
        var form = await feedback.FormAsync(anonymous: true);
        using var visitor = site.CreatePortalClient();
        var document = await visitor.GetDocumentAsync($"/feedback/{form.Slug}");

        var posts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => visitor.SubmitFormAsync(document, $"/feedback/{form.Slug}", Fields(form)))));

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Redirect, p.StatusCode));
        Assert.Single(await feedback.ResponsesAsync(form));
    }

    [Fact]
    public async Task Anonymous_response_keeps_only_the_uk_month_and_no_agency_unless_chosen()
    {
        var form = await feedback.FormAsync(anonymous: true, asksAgency: true);
        using var member = await site.SignedInClientAsync("member");
        var agencies = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Agencies.OrderBy(a => a.SortOrder).Select(a => a.Id).ToListAsync());
        using var visitor = site.CreatePortalClient();
        using var chooser = site.CreatePortalClient();

        // Signed in or not, an anonymous form never takes the agency from the account.
        var signedIn = await member.SubmitFormAsync($"/feedback/{form.Slug}", Fields(form));
        await visitor.SubmitFormAsync($"/feedback/{form.Slug}", Fields(form));
        var chosen = Fields(form);
        chosen["agency"] = agencies[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        await chooser.SubmitFormAsync($"/feedback/{form.Slug}", chosen);

        Assert.Equal($"/feedback/{form.Slug}/thank-you", signedIn.Headers.Location!.OriginalString);
        var responses = await feedback.ResponsesAsync(form);
        Assert.Equal(3, responses.Count);
        var monthStart = FeedbackAnswering.UkMonthStartUtc(DateTime.UtcNow);
        Assert.All(responses, r => Assert.Equal(monthStart, r.SubmittedUtc));
        Assert.Equal(1, UkTime.FromUtc(monthStart).Day);
        Assert.Equal([null, null, agencies[1]], responses.Select(r => r.AgencyId));
        Assert.All(responses, r => Assert.Null(r.UserId));
    }

    [Fact]
    public async Task Agency_question_refuses_an_agency_that_is_not_on_the_list()
    {
        var form = await feedback.FormAsync(anonymous: true, asksAgency: true);
        using var visitor = site.CreatePortalClient();
        var fields = Fields(form);
        fields["agency"] = "999999";

        var page = await PortalClient.ParseAsync(await visitor.SubmitFormAsync($"/feedback/{form.Slug}", fields));

        Assert.Contains("Select your agency from the list", page.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Empty(await feedback.ResponsesAsync(form));
    }

    [Fact]
    public async Task Comments_of_an_anonymous_form_carry_no_date_or_agency()
    {
        var form = await feedback.FormAsync(anonymous: true, asksAgency: true);
        foreach (var p in await people.PeopleAsync(3))
        {
            await feedback.SubmitAsync(form, p, FeedbackData.Answers(form, text: "Helpful"));
        }

        var comments = await site.WithScopeAsync(sp => sp.GetRequiredService<FeedbackAnalysis>().CommentsAsync(form.Id, new FeedbackFilter(), null, 10));

        Assert.NotEmpty(comments);
        Assert.All(comments, c => Assert.Equal((null, null), (c.SubmittedUtc, c.Agency)));
    }

    private static Dictionary<string, string> Fields(FeedbackForm form) => FeedbackData.Answers(form).ToDictionary(kv => kv.Key, kv => kv.Value[0]);
}
