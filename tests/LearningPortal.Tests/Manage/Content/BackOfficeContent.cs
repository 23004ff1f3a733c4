using LearningPortal.Core.Content;

namespace LearningPortal.Tests.Manage.Content;

/// <summary>Drives the back-office content forms as an Editor would.</summary>
public static class BackOfficeContent
{
    public static Task<(PortalUser User, PortalClient Client)> EditorAsync(this ContentSite site, string prefix = "editor") =>
        site.SignedInAsync(prefix, PortalRoles.Editor);

    /// <summary>The fields of a valid briefing with two questions for reflection, as the editor form names them.</summary>
    public static Dictionary<string, string> BriefingForm(string title, string slug) => new()
    {
        ["Input.Title"] = title,
        ["Input.Slug"] = slug,
        ["Input.Summary"] = "What the audit found about " + title,
        ["Input.Partnership"] = "Riverside Safeguarding Children Partnership",
        ["Input.Audit.Month"] = "3",
        ["Input.Audit.Year"] = "2025",
        ["Input.Themes"] = "neglect",
        ["Input.Format"] = "audit-learning-briefing",
        ["Input.KeyLinesOfEnquiry"] = "Was neglect recognised early?\nDid agencies share information?",
        ["Input.GoodPractice"] = "- Detailed referrals",
        ["Input.Questions[0].Text"] = "How do you recognise neglect?",
        ["Input.Questions[1].Text"] = "Who do you share concerns with?",
        ["Input.Body"] = "## Background\n\nThe partnership audited six families.",
        ["Intent"] = "save",
    };

    /// <summary>Creates a briefing through the forms and returns its document id.</summary>
    public static async Task<int> CreateBriefingAsync(this PortalClient client, string title, string slug, Action<Dictionary<string, string>>? change = null)
    {
        var form = BriefingForm(title, slug);
        change?.Invoke(form);
        var response = await client.SubmitFormAsync("/manage/content/new/learning-briefing", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Create failed ({(int)response.StatusCode}): " + ManageTestData.ErrorSummary(await PortalClient.ParseAsync(response)));
        var location = response.Headers.Location!.OriginalString;
        // /manage/content/{id} after a save, /manage/content/{id}/publish after publishing.
        var segments = location.Split('/');
        return int.Parse(segments[Array.IndexOf(segments, "content") + 1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Text(IHtmlDocument page, string selector) => page.QuerySelector(selector)?.TextContent.Trim() ?? "";

    public static Task<List<ReflectionQuestion>> QuestionsAsync(this PortalFactory site, int documentId, int versionNumber) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ReflectionQuestions.AsNoTracking()
            .Where(q => q.Version.DocumentId == documentId && q.Version.Number == versionNumber).OrderBy(q => q.Position).ToListAsync());

    public static Task<Document> DocumentAsync(this PortalFactory site, int documentId) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Documents.AsNoTracking().SingleAsync(d => d.Id == documentId));

    public static Task<List<ScheduledContentChange>> SchedulesAsync(this PortalFactory site, int documentId) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ScheduledContentChanges.AsNoTracking()
            .Where(s => s.DocumentId == documentId).ToListAsync());

    public static string Path(string slug) => DocumentTypes.PathFor(DocumentType.LearningBriefing, slug);
}
