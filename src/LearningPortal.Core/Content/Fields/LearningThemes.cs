namespace LearningPortal.Core.Content.Fields;

/// <summary>A named value with a stable key used in addresses and filters.</summary>
public sealed record ContentOption(string Key, string Name);

/// <summary>
/// The safeguarding themes a briefing can belong to. Neglect comes first; the partnership's later audit
/// themes follow. Keys appear in filter addresses (/learning?theme=neglect) and must not change.
/// </summary>
public static class LearningThemes
{
    public static IReadOnlyList<ContentOption> All { get; } =
    [
        new("neglect", "Neglect"),
        new("exploitation", "Exploitation"),
        new("domestic-abuse", "Domestic abuse"),
        new("sexual-abuse", "Child sexual abuse"),
        new("online-safety", "Online safety"),
    ];

    public static string NameOf(string key) => All.FirstOrDefault(t => t.Key == key)?.Name ?? key;

    public static bool IsKnown(string key) => All.Any(t => t.Key == key);
}

/// <summary>The shapes a piece of learning comes in.</summary>
public enum BriefingFormat
{
    AuditLearningBriefing = 1,
    SevenMinuteBriefing = 2,
    AtAGlance = 3,
    AuditReport = 4,
}

/// <summary>Kinds of toolkit resource.</summary>
public enum ToolkitCategory
{
    ScreeningTool = 1,
    Guidance = 2,
    Gcp2 = 3,
    Thresholds = 4,
    Other = 5,
}

/// <summary>Names and address keys of the fields' enumerations.</summary>
public static class ContentNames
{
    public static IReadOnlyList<(BriefingFormat Format, string Key, string Name)> Formats { get; } =
    [
        (BriefingFormat.AuditLearningBriefing, "audit-learning-briefing", "Audit learning briefing"),
        (BriefingFormat.SevenMinuteBriefing, "seven-minute-briefing", "7-minute briefing"),
        (BriefingFormat.AtAGlance, "at-a-glance", "At a glance"),
        (BriefingFormat.AuditReport, "audit-report", "Audit report"),
    ];

    public static IReadOnlyList<(ToolkitCategory Category, string Key, string Name)> Categories { get; } =
    [
        (ToolkitCategory.ScreeningTool, "screening-tool", "Screening tools"),
        (ToolkitCategory.Guidance, "guidance", "Guidance"),
        (ToolkitCategory.Gcp2, "gcp2", "Graded Care Profile 2 (GCP2)"),
        (ToolkitCategory.Thresholds, "thresholds", "Thresholds"),
        (ToolkitCategory.Other, "other", "Other resources"),
    ];

    public static string Key(BriefingFormat format) => Formats.First(f => f.Format == format).Key;

    public static string Name(BriefingFormat format) => Formats.First(f => f.Format == format).Name;

    public static string? FormatName(string? key) => Formats.FirstOrDefault(f => f.Key == key).Name;

    public static string Key(ToolkitCategory category) => Categories.First(c => c.Category == category).Key;

    public static string Name(ToolkitCategory category) => Categories.First(c => c.Category == category).Name;

    public static string? CategoryName(string? key) => Categories.FirstOrDefault(c => c.Key == key).Name;

    /// <summary>The name of a document type as editors see it.</summary>
    public static string Name(DocumentType type) => type switch
    {
        DocumentType.LearningBriefing => "Learning briefing",
        DocumentType.Strategy => "Strategy",
        DocumentType.ToolkitResource => "Toolkit resource",
        DocumentType.Page => "Page",
        _ => type.ToString(),
    };
}
