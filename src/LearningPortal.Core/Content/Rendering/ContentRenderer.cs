using System.Text.RegularExpressions;
using LearningPortal.Core.Content.Fields;
using Microsoft.Extensions.Caching.Memory;

namespace LearningPortal.Core.Content.Rendering;

/// <summary>Values the site fills into Markdown written as {{name}}, e.g. {{organisation}} and {{contact-email}} from the theme.</summary>
public interface IContentVariables
{
    IReadOnlyDictionary<string, string> Values { get; }
}

/// <summary>A section a document page shows besides its body (for the "On this page" list and anchors).</summary>
public sealed record ContentSection(string Id, string Title);

/// <summary>A version rendered for reading: every Markdown field and the body as sanitised HTML, and the body's headings.</summary>
public sealed class RenderedDocument(SafeHtml body, IReadOnlyDictionary<string, SafeHtml> fields, IReadOnlyList<ContentHeading> headings)
{
    public SafeHtml Body { get; } = body;

    /// <summary>Body headings (h2 and below), in order.</summary>
    public IReadOnlyList<ContentHeading> Headings { get; } = headings;

    /// <summary>A Markdown field by its key (e.g. "GoodPractice", "Objectives[0]"), or empty.</summary>
    public SafeHtml Field(string key) => fields.TryGetValue(key, out var html) ? html : SafeHtml.Empty;
}

/// <summary>
/// Renders versions for reading. A version never changes once saved, so its rendering is cached by version id.
/// </summary>
public partial class ContentRenderer(IMemoryCache cache, IContentVariables variables)
{
    /// <summary>Section ids a type's page uses; body headings never take them.</summary>
    public static IReadOnlyList<ContentSection> Sections(DocumentType type) => type switch
    {
        DocumentType.LearningBriefing =>
        [
            new("key-lines-of-enquiry", "Key lines of enquiry"), new("good-practice", "Good practice"),
            new("areas-for-development", "Areas for development"), new("conclusion", "Conclusion"),
            new("recommendations", "Recommendations"), new("questions-for-reflection", "Questions for reflection"),
            new("what-to-do-now", "What to do now"), new("related-resources", "Related resources"), new("feedback", "Tell us what you think"),
        ],
        DocumentType.Strategy => [new("definition", "Definition"), new("objectives", "Strategic objectives"), new("measures-of-success", "Measures of success"), new("review", "Review")],
        DocumentType.ToolkitResource => [new("downloads", "Downloads"), new("related-learning", "Related learning")],
        _ => [],
    };

    public RenderedDocument Render(DocumentVersion version, DocumentFields fields) =>
        cache.GetOrCreate(("content-render", version.Id), entry =>
        {
            entry.SetSize(1);
            entry.SlidingExpiration = TimeSpan.FromHours(6);
            return RenderNow(fields, version.Body);
        })!;

    /// <summary>Renders without caching (previews of unsaved drafts).</summary>
    public RenderedDocument RenderNow(DocumentFields fields, string body)
    {
        var ids = new HeadingIds();
        foreach (var section in Sections(fields.Type))
        {
            ids.Reserve(section.Id);
        }

        var headings = new List<ContentHeading>();
        var html = GovUkMarkdown.Render(Fill(body), ids, headings);
        var rendered = new Dictionary<string, SafeHtml>(StringComparer.Ordinal);
        foreach (var field in fields.Describe().Where(f => f.IsMarkdown))
        {
            rendered[field.Key] = GovUkMarkdown.Render(Fill(field.Text), ids);
        }

        if (fields is StrategyFields strategy)
        {
            // An objective's description is its own Markdown (its title is shown as a heading by the page).
            for (var i = 0; i < strategy.Objectives.Count; i++)
            {
                rendered[$"Objectives[{i}]"] = GovUkMarkdown.Render(Fill(strategy.Objectives[i].Description), ids);
            }
        }

        return new RenderedDocument(html, rendered, headings);
    }

    private string Fill(string? markdown) =>
        string.IsNullOrEmpty(markdown) || !markdown.Contains("{{", StringComparison.Ordinal)
            ? markdown ?? ""
            : Variable().Replace(markdown, m => variables.Values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"\{\{\s*([a-z][a-z0-9-]*)\s*\}\}")]
    private static partial Regex Variable();
}

/// <summary>No variables (Core used without the web site, e.g. in tests of rendering alone).</summary>
public sealed class NoContentVariables : IContentVariables
{
    public IReadOnlyDictionary<string, string> Values { get; } = new Dictionary<string, string>();
}
