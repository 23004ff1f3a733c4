using System.Text.Json.Serialization;
using LearningPortal.Core.Common;

namespace LearningPortal.Core.Content.Fields;

/// <summary>A field's text as a person reads it, for differences between versions, search and checks.</summary>
/// <param name="Key">The property path, e.g. "Questions".</param>
/// <param name="Label">What the back office calls it, e.g. "Questions for reflection".</param>
/// <param name="Text">The value as lines of text.</param>
/// <param name="IsMarkdown">Whether the value is rendered as Markdown (otherwise it is plain text, HTML-encoded).</param>
public sealed record FieldText(string Key, string Label, string Text, bool IsMarkdown = false);

/// <summary>
/// The fields every document type has. Each type's subclass adds its own and its rules. Stored as JSON in
/// <see cref="DocumentVersion.FieldsJson"/>; validated here, in C#, before every save.
/// </summary>
public abstract class DocumentFields
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 600;
    public const int LineMaxLength = 1000;
    public const int MarkdownMaxLength = 100_000;

    public string Title { get; set; } = "";

    /// <summary>One or two sentences shown in lists, feeds and search results.</summary>
    public string Summary { get; set; } = "";

    [JsonIgnore]
    public abstract DocumentType Type { get; }

    /// <summary>Pages may leave the summary out; everything else needs one.</summary>
    protected virtual bool SummaryRequired => true;

    /// <summary>Checks every rule; an empty list means the fields can be saved.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new FieldErrors();
        errors.Required(Title, nameof(Title), "Enter a title", TitleMaxLength, "Title");
        if (SummaryRequired)
        {
            errors.Required(Summary, nameof(Summary), "Enter a summary", SummaryMaxLength, "Summary");
        }
        else
        {
            errors.MaxLength(Summary, nameof(Summary), SummaryMaxLength, "Summary");
        }

        ValidateFields(errors);
        return errors.List;
    }

    protected abstract void ValidateFields(FieldErrors errors);

    /// <summary>Every field as readable text, in the order the back office shows them.</summary>
    public IEnumerable<FieldText> Describe()
    {
        yield return new FieldText(nameof(Title), "Title", Title);
        yield return new FieldText(nameof(Summary), "Summary", Summary);
        foreach (var field in DescribeFields())
        {
            yield return field;
        }
    }

    protected abstract IEnumerable<FieldText> DescribeFields();

    /// <summary>Trims text and drops empty list entries, so that what is saved is what is shown.</summary>
    public virtual void Normalise()
    {
        Title = Title?.Trim() ?? "";
        Summary = Summary?.Trim() ?? "";
    }

    /// <summary>Media ids the fields point at (files of a toolkit resource).</summary>
    public virtual IEnumerable<int> MediaIds() => [];

    /// <summary>What the public lists need, copied onto the document when a version is published.</summary>
    internal virtual void CopyListing(Document document)
    {
        document.ListingFormat = null;
        document.ListingThemes = null;
        document.ListingCategory = null;
        document.ListingDate = null;
    }

    protected static List<string> Clean(List<string>? lines) =>
        (lines ?? []).Select(l => l?.Trim() ?? "").Where(l => l.Length > 0).ToList();

    protected static string Lines(IEnumerable<string> lines) => string.Join("\n", lines);
}

/// <summary>Collects validation errors with GOV.UK wording.</summary>
public sealed class FieldErrors
{
    public List<FieldError> List { get; } = [];

    public void Add(string field, string message) => List.Add(new FieldError(field, message));

    public void Required(string? value, string field, string missingMessage, int maxLength, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, missingMessage);
        }
        else
        {
            MaxLength(value, field, maxLength, label);
        }
    }

    public void MaxLength(string? value, string field, int maxLength, string label)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"{label} must be {maxLength:N0} characters or fewer");
        }
    }

    public void Lines(List<string> lines, string field, string label, int maxItems = 50)
    {
        if (lines.Count > maxItems)
        {
            Add(field, $"{label} must have {maxItems} items or fewer");
        }

        for (var i = 0; i < lines.Count; i++)
        {
            MaxLength(lines[i], $"{field}[{i}]", DocumentFields.LineMaxLength, $"{label} item {i + 1}");
        }
    }

    public void Markdown(string? value, string field, string label) => MaxLength(value, field, DocumentFields.MarkdownMaxLength, label);
}
