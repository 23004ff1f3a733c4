namespace LearningPortal.Core.Content;

/// <summary>
/// A briefing's question for reflection, one row per version. <see cref="QuestionId"/> stays the same across
/// versions (and through export and import), so a supervision record can point at "question 2 of this
/// briefing" even after its wording is corrected.
/// </summary>
public class ReflectionQuestion
{
    public int Id { get; set; }

    public int VersionId { get; set; }

    public DocumentVersion Version { get; set; } = default!;

    public Guid QuestionId { get; set; }

    /// <summary>1-based order in the version.</summary>
    public int Position { get; set; }

    public string Text { get; set; } = "";
}
