using LearningPortal.Core.Jobs;

namespace LearningPortal.Core.Email;

/// <summary>
/// An email waiting to be sent, written in the same transaction as the change that caused it.
/// The outbox sender claims it with a lease, delivers it and records the result.
/// </summary>
public class OutboxMessage : ILeased
{
    public long Id { get; set; }

    /// <summary>The RFC 5322 Message-ID, fixed when queued so a retried send is recognisably the same message.</summary>
    public string MessageId { get; set; } = "";

    public string ToAddress { get; set; } = "";

    public string ToName { get; set; } = "";

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    public string? HtmlBody { get; set; }

    /// <summary>Optional attachment (for example a calendar invitation).</summary>
    public string? AttachmentName { get; set; }

    public string? AttachmentContentType { get; set; }

    public byte[]? AttachmentContent { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Not to be tried before this time (back-off after a failure).</summary>
    public DateTime NextAttemptUtc { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime? SentUtc { get; set; }

    /// <summary>Set when retries are exhausted; a person must look at it.</summary>
    public bool IsDead { get; set; }

    /// <summary>The instance holding the lease, if any.</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresUtc { get; set; }
}
