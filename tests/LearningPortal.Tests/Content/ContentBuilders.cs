using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Publishing;

namespace LearningPortal.Tests.Content;

/// <summary>Valid fields for each type, to change in a test.</summary>
public static class Build
{
    public static readonly Actor Editor = new("editor-1", "Edith Editor");
    public static readonly Actor OtherEditor = new("editor-2", "Oscar Other");

    public static string Slug(string prefix = "doc") => $"{prefix}-{Guid.NewGuid():N}";

    public static LearningBriefingFields Briefing(string title = "Neglect audit briefing", Action<LearningBriefingFields>? change = null)
    {
        var f = new LearningBriefingFields
        {
            Title = title,
            Summary = "What the audit found.",
            Partnership = "Riverside Safeguarding Children Partnership",
            AuditDate = new DateOnly(2025, 9, 1),
            Themes = ["neglect"],
            Format = BriefingFormat.AuditLearningBriefing,
            SampleFamilies = 15,
            SampleChildren = 42,
            KeyLinesOfEnquiry = ["Quality of referral"],
            GoodPractice = "- Detailed referrals",
            Recommendations = [new RecommendationField { Text = "Improve referrals" }],
            Questions =
            [
                new QuestionField { Id = Guid.NewGuid(), Text = "How do we notice early signs of neglect?" },
                new QuestionField { Id = Guid.NewGuid(), Text = "How is the voice of the child captured?" },
            ],
        };
        change?.Invoke(f);
        return f;
    }

    public static StrategyFields Strategy() => new()
    {
        Title = "Neglect strategy",
        Summary = "How partners respond to neglect.",
        Definition = "The persistent failure to meet a child's basic needs.",
        Objectives = [new StrategyObjective { Title = "Raise awareness", Description = "Training for all." }],
        MeasuresOfSuccess = ["Fewer re-referrals"],
    };

    public static ToolkitResourceFields Toolkit() => new()
    {
        Title = "Screening tool",
        Summary = "A tool.",
        Category = ToolkitCategory.ScreeningTool,
    };

    public static PageFields Page() => new() { Title = "About us", Summary = "" };

    public static DocumentFields For(DocumentType type) => type switch
    {
        DocumentType.LearningBriefing => Briefing(),
        DocumentType.Strategy => Strategy(),
        DocumentType.ToolkitResource => Toolkit(),
        _ => Page(),
    };
}

/// <summary>Shortcuts for content work against a test site's services.</summary>
public static class ContentSiteExtensions
{
    /// <summary>Creates a document and returns its first version (asserting it worked).</summary>
    public static Task<DocumentVersion> CreateAsync(this ContentSite site, DocumentFields fields, string? slug = null, string body = "Body text.", Actor? actor = null) =>
        site.WithScopeAsync(async sp =>
        {
            var outcome = await sp.GetRequiredService<ContentEditor>().CreateAsync(new DraftInput(slug ?? Build.Slug(), fields, body), actor ?? Build.Editor);
            Assert.True(outcome.Succeeded, outcome.ToString());
            return outcome.Value!;
        });

    /// <summary>Creates and publishes a document; returns the live version.</summary>
    public static async Task<DocumentVersion> PublishNewAsync(this ContentSite site, DocumentFields fields, string? slug = null, string body = "Body text.")
    {
        var created = await site.CreateAsync(fields, slug, body);
        return await site.PublishAsync(created.DocumentId, created.Number);
    }

    public static Task<DocumentVersion> PublishAsync(this ContentSite site, int documentId, int number, Actor? actor = null) =>
        site.WithScopeAsync(async sp =>
        {
            var outcome = await sp.GetRequiredService<ContentPublisher>().PublishAsync(documentId, number, actor ?? Build.Editor);
            Assert.True(outcome.Succeeded, outcome.ToString());
            return outcome.Value!;
        });

    public static Task<Outcome<DocumentVersion>> SaveDraftAsync(this ContentSite site, int documentId, int basedOn, DocumentFields fields, string slug, string body = "Body text.", string? note = null, Actor? actor = null) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<ContentEditor>().SaveDraftAsync(documentId, basedOn, new DraftInput(slug, fields, body, note), actor ?? Build.Editor));

    public static Task<T> WithAsync<T>(this ContentSite site, Func<IServiceProvider, Task<T>> work) => site.WithScopeAsync(work);
}
