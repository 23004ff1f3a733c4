using AngleSharp.Dom;
using LearningPortal.Tests.Manage;
using LearningPortal.Tests.Manage.Content;

namespace LearningPortal.Tests.Feedback;

public class BriefingFormChoiceTests(ContentSite site) : IClassFixture<ContentSite>
{
    [Fact]
    public async Task The_briefing_editor_offers_each_feedback_form_and_the_chosen_one_is_linked_from_the_briefing()
    {
        var (_, editor) = await site.EditorAsync();

        var blank = await editor.GetDocumentAsync("/manage/content/new/learning-briefing");
        var id = await editor.CreateBriefingAsync("Chosen form briefing", "chosen-form-briefing", f =>
        {
            f["Input.FeedbackForm"] = "course-evaluation";
            f["Intent"] = "publish";
        });

        var options = blank.QuerySelectorAll<IHtmlOptionElement>("#Input-FeedbackForm option").Select(o => (o.Value, o.Text.Trim())).ToList();
        Assert.Equal(("", "The default briefing feedback form"), options[0]);
        Assert.Contains(("briefing-feedback", "Briefing feedback (briefing-feedback)"), options);
        Assert.Contains(options, o => o.Value == "course-evaluation");
        Assert.Equal(("-", "No feedback form"), options[^1]);
        var edit = await editor.GetDocumentAsync($"/manage/content/{id}");
        Assert.Equal("course-evaluation", edit.QuerySelector<IHtmlSelectElement>("#Input-FeedbackForm")!.Value);
        var reader = await site.CreatePortalClient().GetDocumentAsync("/learning/chosen-form-briefing");
        Assert.Equal($"/feedback/course-evaluation?briefing={id}", reader.QuerySelector(".lp-feedback-slot a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_briefing_with_no_feedback_form_shows_no_request_for_feedback()
    {
        var (_, editor) = await site.EditorAsync();

        await editor.CreateBriefingAsync("No form briefing", "no-form-briefing", f =>
        {
            f["Input.FeedbackForm"] = "-";
            f["Intent"] = "publish";
        });

        var reader = await site.CreatePortalClient().GetDocumentAsync("/learning/no-form-briefing");
        Assert.Contains("No form briefing", reader.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(reader.QuerySelector(".lp-feedback-slot"));
    }

    [Fact]
    public async Task A_feedback_form_that_does_not_exist_is_refused_with_the_choice_kept()
    {
        var (_, editor) = await site.EditorAsync();
        var form = BackOfficeContent.BriefingForm("Missing form briefing", "missing-form-briefing");
        form["Input.FeedbackForm"] = "no-such-form";

        var response = await editor.SubmitFormAsync("/manage/content/new/learning-briefing", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("Select a feedback form from the list", ManageTestData.ErrorSummary(page), StringComparison.Ordinal);
        Assert.Equal("#Input-FeedbackForm", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal("no-such-form", page.QuerySelector<IHtmlSelectElement>("#Input-FeedbackForm")!.Value);
        Assert.Contains("Select a feedback form from the list", page.QuerySelector("#Input-FeedbackForm-error")?.TextContent ?? "", StringComparison.Ordinal);
    }
}
