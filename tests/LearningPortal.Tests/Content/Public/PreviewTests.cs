using LearningPortal.Core.Content;
using LearningPortal.Web.Content;

namespace LearningPortal.Tests.Content.Public;

public class PreviewTests(ContentSite site) : IClassFixture<ContentSite>
{
    [Fact]
    public async Task A_preview_of_an_unsaved_draft_renders_as_readers_will_see_it_and_saves_nothing()
    {
        var fields = Build.Briefing("Preview only", f => f.GoodPractice = "- Detailed referrals <script>alert(1)</script>");

        var (view, count) = await site.WithAsync(async sp =>
        {
            var v = await sp.GetRequiredService<DocumentViews>().PreviewAsync(new Document { Type = DocumentType.LearningBriefing }, fields, "## Background\n\nText", "preview-only");
            return (v, await sp.GetRequiredService<LearningPortal.Core.Data.PortalDbContext>().Documents.CountAsync(d => d.Slug == "preview-only"));
        });

        Assert.True(view.IsPreview);
        Assert.False(view.IsEarlierVersion);
        Assert.Equal("background", view.Contents[0].Id);
        Assert.Contains(view.Contents, c => c.Id == "questions-for-reflection");
        Assert.Contains("<h2 id=\"background\" class=\"govuk-heading-l\">", view.Rendered.Body.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", view.Rendered.Field("GoodPractice").Value, StringComparison.Ordinal);
        Assert.Equal(0, count);
    }
}
