using LearningPortal.Core.Content.Media;
using LearningPortal.Core.Content.Reading;
using LearningPortal.Core.Content.Rendering;

namespace LearningPortal.Web.Pages.Content;

/// <summary>
/// Everything a document page shows: the version and its fields, their rendering, and what the type's page
/// needs besides (versions readers can open, files, related briefings). Built by <see cref="LearningPortal.Web.Content.DocumentViews"/>;
/// rendered by the _DocumentContent partial, for readers and for back-office previews alike.
/// </summary>
public sealed record DocumentView(PublishedPage Page, RenderedDocument Rendered)
{
    /// <summary>Published versions readers can open (briefings only).</summary>
    public IReadOnlyList<PublishedVersionInfo> Versions { get; init; } = [];

    /// <summary>A toolkit resource's files.</summary>
    public IReadOnlyList<MediaItem> Files { get; init; } = [];

    /// <summary>A toolkit resource's related briefings that are live.</summary>
    public IReadOnlyList<ListingItem> RelatedBriefings { get; init; } = [];

    /// <summary>"On this page": the body's h2s then the page's own sections that have content.</summary>
    public IReadOnlyList<(string Id, string Text)> Contents { get; init; } = [];

    /// <summary>A back-office preview of a draft: no "earlier version" banner, no feedback slot.</summary>
    public bool IsPreview { get; init; }

    /// <summary>A contents list helps only on long pages.</summary>
    public bool ShowContents => Contents.Count >= 4;

    /// <summary>An earlier published version opened from the history.</summary>
    public bool IsEarlierVersion => !IsPreview && !Page.IsCurrent;
}
