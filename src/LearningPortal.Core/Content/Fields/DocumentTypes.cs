using System.Text.Json;
using System.Text.Json.Serialization;

namespace LearningPortal.Core.Content.Fields;

/// <summary>
/// What each document type is: its fields class, its public address and its names. The one place that maps
/// a <see cref="DocumentType"/> to code.
/// </summary>
public static class DocumentTypes
{
    /// <summary>How fields are stored: camelCase JSON, enums by name.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static IReadOnlyList<DocumentType> All { get; } = [DocumentType.LearningBriefing, DocumentType.Strategy, DocumentType.ToolkitResource, DocumentType.Page];

    public static Type FieldsClass(DocumentType type) => type switch
    {
        DocumentType.LearningBriefing => typeof(LearningBriefingFields),
        DocumentType.Strategy => typeof(StrategyFields),
        DocumentType.ToolkitResource => typeof(ToolkitResourceFields),
        DocumentType.Page => typeof(PageFields),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown document type"),
    };

    /// <summary>Empty fields of the type, for a new document.</summary>
    public static DocumentFields NewFields(DocumentType type) => (DocumentFields)Activator.CreateInstance(FieldsClass(type))!;

    public static DocumentFields ReadFields(DocumentType type, string json) =>
        (DocumentFields)(JsonSerializer.Deserialize(string.IsNullOrWhiteSpace(json) ? "{}" : json, FieldsClass(type), Json) ?? NewFields(type));

    public static DocumentFields ReadFields(DocumentVersion version) => ReadFields(version.Document.Type, version.FieldsJson);

    public static string WriteFields(DocumentFields fields) => JsonSerializer.Serialize(fields, fields.GetType(), Json);

    /// <summary>The public address of a document of this type with this slug, e.g. "/learning/neglect-audit-2025" or "/about".</summary>
    public static string PathFor(DocumentType type, string slug) => type switch
    {
        DocumentType.LearningBriefing => $"/learning/{slug}",
        DocumentType.Strategy => $"/strategy/{slug}",
        DocumentType.ToolkitResource => $"/toolkit/{slug}",
        DocumentType.Page => $"/{slug}",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown document type"),
    };

    /// <summary>The key used in the content folder and commands, e.g. "learning-briefing".</summary>
    public static string Key(DocumentType type) => type switch
    {
        DocumentType.LearningBriefing => "learning-briefing",
        DocumentType.Strategy => "strategy",
        DocumentType.ToolkitResource => "toolkit-resource",
        DocumentType.Page => "page",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown document type"),
    };

    public static DocumentType? FromKey(string? key) => All.Cast<DocumentType?>().FirstOrDefault(t => Key(t!.Value) == key);

    /// <summary>The folder under content/ that holds documents of the type.</summary>
    public static string Folder(DocumentType type) => type switch
    {
        DocumentType.LearningBriefing => "learning",
        DocumentType.Strategy => "strategy",
        DocumentType.ToolkitResource => "toolkit",
        DocumentType.Page => "pages",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown document type"),
    };
}
