using LearningPortal.Core.Notifications;

namespace LearningPortal.Core.Content;

/// <summary>A version of a document went live (now, by schedule or on approval). Raised once, after the change is committed.</summary>
public sealed record ContentPublished(int DocumentId, int VersionId, DocumentType DocumentType, string Slug) : INotification;

/// <summary>A document stopped being public (unpublished, archived or by schedule). Raised once, after the change is committed.</summary>
public sealed record ContentUnpublished(int DocumentId, int VersionId, DocumentType DocumentType, string Slug) : INotification;

/// <summary>A new draft version was saved (created, edited or rolled back). Raised once, after the change is committed.</summary>
public sealed record ContentDraftSaved(int DocumentId, int VersionId, DocumentType DocumentType) : INotification;
