using LearningPortal.Core.Content.Fields;

namespace LearningPortal.Core.Content.Import;

/// <summary>How sure the importer is of a field.</summary>
public enum FieldStatus
{
    /// <summary>Found under a heading made for it.</summary>
    Found = 1,

    /// <summary>Found, but guessed (from a sentence, a pattern, a neighbouring heading): the Editor should check it.</summary>
    Check = 2,

    /// <summary>Not in the document; the Editor fills it in (if it is required).</summary>
    NotFound = 3,
}

/// <summary>Where one field's value came from, for the review page.</summary>
/// <param name="Key">The field, as in <see cref="FieldText.Key"/> (e.g. "GoodPractice").</param>
/// <param name="Label">What the editor calls it.</param>
/// <param name="Heading">The document heading it came under, if any.</param>
/// <param name="Note">Why it needs checking, or what to do.</param>
public sealed record FieldSource(string Key, string Label, FieldStatus Status, string? Heading = null, string? Note = null);

/// <summary>
/// A typed draft proposed from a document: the fields, the body (everything that has no field of its own, so nothing is
/// dropped), where each field came from, and notes and images for the Editor. Nothing is saved until the Editor saves it.
/// </summary>
public sealed record ImportProposal(
    DocumentFields Fields,
    string Body,
    string Slug,
    IReadOnlyList<FieldSource> Sources,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ImportImage> Images)
{
    public DocumentType Type => Fields.Type;

    public FieldSource? Source(string key) => Sources.FirstOrDefault(s => s.Key == key);
}
