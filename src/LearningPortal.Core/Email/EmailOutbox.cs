using LearningPortal.Core.Data;
using LearningPortal.Core.Jobs;

namespace LearningPortal.Core.Email;

/// <summary>
/// Queues emails in the outbox table. The message joins the caller's unit of work, so it is only
/// sent if the change that caused it is saved.
/// </summary>
public class EmailOutbox(PortalDbContext db, TimeProvider clock, WakeUpSignal<OutboxMessage> wakeUp)
{
    /// <summary>Adds a message to the outbox; the caller's SaveChanges commits it.</summary>
    public OutboxMessage Queue(string toAddress, string toName, string subject, string textBody, string? htmlBody = null) =>
        Queue(toAddress, toName, subject, textBody, htmlBody, attachment: null);

    /// <summary>Adds a message with an attachment (the outbox keeps one per message) to the outbox.</summary>
    public OutboxMessage Queue(string toAddress, string toName, string subject, string textBody, string? htmlBody, EmailAttachment? attachment)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            MessageId = $"{Guid.NewGuid():N}@learningportal",
            ToAddress = toAddress,
            ToName = toName,
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            CreatedUtc = now,
            NextAttemptUtc = now,
            AttachmentName = attachment?.Name,
            AttachmentContentType = attachment?.ContentType,
            AttachmentContent = attachment?.Content,
        };
        db.OutboxMessages.Add(message);
        // Waking the sender before the commit would have it look for a row that is not there yet and sleep a whole interval.
        db.AfterCommit(wakeUp.Notify);
        return message;
    }
}
