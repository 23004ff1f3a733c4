namespace LearningPortal.Core.Search;

/// <summary>
/// One searchable item as a source hands it to the index: a learning briefing, strategy, toolkit resource,
/// page, course, session... Text fields are plain text (the source turns Markdown or HTML into text).
/// </summary>
public sealed record SearchDocument
{
    /// <summary>The kind of item ("briefing", "strategy", "toolkit", "page", "course", "session"); the type filter.</summary>
    public required string Kind { get; init; }

    /// <summary>The item's identifier within its kind; a draft and the published version share it.</summary>
    public required string Id { get; init; }

    /// <summary>A site-relative address (starting with "/") of the item's page.</summary>
    public required string Url { get; init; }

    public required string Title { get; init; }

    /// <summary>A sentence or two; shown when the body has no matching passage.</summary>
    public string Summary { get; init; } = "";

    public string Body { get; init; } = "";

    /// <summary>A briefing's questions for reflection; searchable and shown as a snippet when they match.</summary>
    public IReadOnlyList<string> Questions { get; init; } = [];

    /// <summary>Themes such as "Neglect" or "Exploitation"; the theme filter.</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];

    /// <summary>Format or category, e.g. "7 minute briefing", "At a glance", "Tool".</summary>
    public string? Format { get; init; }

    /// <summary>The item's own date (publication, audit, session date); the year filter and newest-first order.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>When the item last changed; orders items without a date.</summary>
    public DateTime UpdatedUtc { get; init; }

    /// <summary>
    /// When the item stops being shown (a training session once it has started), or null for never. Searches
    /// leave it out from then on, on every instance, without anything being journalled.
    /// </summary>
    public DateTime? ExpiresUtc { get; init; }

    /// <summary>An unpublished draft: found only by the back-office search.</summary>
    public bool IsDraft { get; init; }
}
