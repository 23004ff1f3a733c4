using LearningPortal.Core.Content.Reading;
using LearningPortal.Core.Content.Rendering;

namespace LearningPortal.Web.Pages.Content;

/// <summary>What a document page shows: the version, its rendering and the versions readers can open.</summary>
public sealed record DocumentView(PublishedPage Page, RenderedDocument Rendered, IReadOnlyList<PublishedVersionInfo> Versions)
{
    /// <summary>"On this page": the body's h2s then the page's own sections that have content.</summary>
    public IReadOnlyList<(string Id, string Text)> Contents { get; init; } = [];

    /// <summary>A contents list helps only on long pages.</summary>
    public bool ShowContents => Contents.Count >= 4;
}
