using LearningPortal.Core.Content.Fields;

namespace LearningPortal.Core.Content.Publishing;

/// <summary>
/// What an editor saves: the address, the type's fields, the Markdown body and an optional note. Questions for
/// reflection keep their <see cref="QuestionField.Id"/>; new ones may come with <see cref="Guid.Empty"/> and get an
/// identity on save (a form that pairs a new question with a recommendation should give it a fresh Guid itself).
/// </summary>
public sealed record DraftInput(string Slug, DocumentFields Fields, string Body, string? Note = null);
