using LearningPortal.Core.Jobs;

namespace LearningPortal.Core.Content;

/// <summary>What a schedule does when it falls due.</summary>
public enum ScheduledAction
{
    Publish = 1,
    Unpublish = 2,
}

/// <summary>
/// A publish or unpublish to carry out at a set time. The scheduler claims a due row with a conditional
/// update (a lease), carries it out and marks it done in one transaction, so it happens once however many
/// instances run.
/// </summary>
public class ScheduledContentChange : ILeased
{
    public long Id { get; set; }

    public int DocumentId { get; set; }

    public Document Document { get; set; } = default!;

    /// <summary>The version to publish; null for an unpublish.</summary>
    public int? VersionId { get; set; }

    public ScheduledAction Action { get; set; }

    public DateTime DueUtc { get; set; }

    public string? RequestedById { get; set; }

    public string RequestedByName { get; set; } = "";

    public DateTime RequestedUtc { get; set; }

    /// <summary>The scheduler instance holding the lease.</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresUtc { get; set; }

    public DateTime? CompletedUtc { get; set; }

    public DateTime? CancelledUtc { get; set; }

    /// <summary>What happened, e.g. "Published version 3" or why it was skipped.</summary>
    public string? Outcome { get; set; }
}
