using AngleSharp.Dom;
using LearningPortal.Core.Content;

namespace LearningPortal.Tests.Manage.Content;

/// <summary>The briefing editor's questions and recommendations: GOV.UK "add another" without JavaScript, ids kept.</summary>
public class AddAnotherRowsTests(ContentSite site) : IClassFixture<ContentSite>
{
    [Fact]
    public async Task Add_another_adds_a_row_without_saving_and_any_number_of_rows_up_to_the_maximum()
    {
        var (_, editor) = await site.EditorAsync("rows");
        var id = await editor.CreateBriefingAsync("Many rows", "many-rows");
        var path = $"/manage/content/{id}";
        var page = await editor.GetDocumentAsync(path);
        Assert.Equal(3, QuestionRows(page)); // two questions and one blank row

        for (var i = 0; i < 4; i++)
        {
            page = await PortalClient.ParseAsync(await editor.SubmitFormAsync(page, path, new Dictionary<string, string> { ["Intent"] = "add-question" }));
        }

        Assert.Equal(7, QuestionRows(page));
        Assert.Equal(1, await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().DocumentVersions.CountAsync(v => v.DocumentId == id)));
        Assert.Null(page.QuerySelector(".govuk-error-summary"));

        var fields = new Dictionary<string, string> { ["Intent"] = "save" };
        for (var i = 0; i < 7; i++)
        {
            fields[$"Input.Questions[{i}].Text"] = $"Question number {i + 1}";
        }

        await editor.FollowAsync(await editor.SubmitFormAsync(page, path, fields));
        Assert.Equal(7, (await site.QuestionsAsync(id, 2)).Count);

        var full = await editor.GetDocumentAsync(path);
        for (var i = QuestionRows(full); i < LearningBriefingFields.MaxQuestions; i++)
        {
            full = await PortalClient.ParseAsync(await editor.SubmitFormAsync(full, path, new Dictionary<string, string> { ["Intent"] = "add-question" }));
        }

        Assert.Equal(LearningBriefingFields.MaxQuestions, QuestionRows(full));
        Assert.Null(full.QuerySelector("button[value='add-question']"));
        Assert.NotNull(full.QuerySelector("button[value='add-recommendation']"));
    }

    [Fact]
    public async Task Remove_and_move_up_keep_each_recommendations_id_its_order_and_its_pairing()
    {
        var (_, editor) = await site.EditorAsync("rows-ids");
        var id = await editor.CreateBriefingAsync("Stable recommendations", "stable-recommendations", form =>
        {
            form["Input.Recommendations[0].Text"] = "Recommendation A";
            form["Input.Recommendations[1].Text"] = "Recommendation B";
            form["Input.Recommendations[1].QuestionNumber"] = "2";
            form["Input.Recommendations[2].Text"] = "Recommendation C";
        });
        var before = await FieldsAsync(id, 1);
        var (a, b, c) = (before.Recommendations[0].Id, before.Recommendations[1].Id, before.Recommendations[2].Id);
        Assert.Equal(before.Questions[1].Id, before.Recommendations[1].QuestionId);
        var path = $"/manage/content/{id}";

        var page = await editor.GetDocumentAsync(path);
        page = await Press(editor, page, path, "remove-recommendation-0");
        Assert.Equal(["Recommendation B", "Recommendation C", ""], RecommendationTexts(page));
        page = await Press(editor, page, path, "up-recommendation-1");
        Assert.Equal(["Recommendation C", "Recommendation B", ""], RecommendationTexts(page));
        page = await Press(editor, page, path, "remove-question-0");
        Assert.Equal("1", page.QuerySelector<IHtmlSelectElement>("#Input-Recommendations-1--QuestionNumber")?.Value
            ?? page.QuerySelectorAll<IHtmlSelectElement>("select[name='Input.Recommendations[1].QuestionNumber']").Single().Value);
        await editor.FollowAsync(await editor.SubmitFormAsync(page, path, new Dictionary<string, string> { ["Intent"] = "save" }));

        var after = await FieldsAsync(id, 2);
        Assert.Equal(["Recommendation C", "Recommendation B"], after.Recommendations.Select(r => r.Text));
        Assert.Equal([c, b], after.Recommendations.Select(r => r.Id));
        Assert.DoesNotContain(a, after.Recommendations.Select(r => r.Id));
        Assert.Equal(before.Questions[1].Id, Assert.Single(after.Questions).Id);
        Assert.Equal(before.Questions[1].Id, after.Recommendations[1].QuestionId);
    }

    [Fact]
    public async Task Pressing_enter_in_a_box_saves_rather_than_removing_the_first_row()
    {
        var (_, editor) = await site.EditorAsync("rows-enter");
        var id = await editor.CreateBriefingAsync("Default button", "default-button");

        var page = await editor.GetDocumentAsync($"/manage/content/{id}");

        var first = page.QuerySelector("#editor form button[type='submit']")!;
        Assert.Equal("save", first.GetAttribute("value"));
    }

    private static async Task<IHtmlDocument> Press(PortalClient editor, IHtmlDocument page, string path, string intent)
    {
        var response = await editor.SubmitFormAsync(page, path, new Dictionary<string, string> { ["Intent"] = intent });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PortalClient.ParseAsync(response);
    }

    private static int QuestionRows(IHtmlDocument page) => page.QuerySelectorAll("input[name$='].Text'][name^='Input.Questions[']").Length;

    private static List<string> RecommendationTexts(IHtmlDocument page) =>
        page.QuerySelectorAll<IHtmlInputElement>("input[name$='].Text'][name^='Input.Recommendations[']").Select(i => i.Value).ToList();

    private Task<LearningBriefingFields> FieldsAsync(int documentId, int number) =>
        site.WithScopeAsync(async sp =>
        {
            var json = await sp.GetRequiredService<PortalDbContext>().DocumentVersions.AsNoTracking()
                .Where(v => v.DocumentId == documentId && v.Number == number).Select(v => v.FieldsJson).SingleAsync();
            return (LearningBriefingFields)DocumentTypes.ReadFields(DocumentType.LearningBriefing, json);
        });
}
