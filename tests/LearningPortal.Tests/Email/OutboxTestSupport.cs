using LearningPortal.Core.Email;
using MimeKit;

namespace LearningPortal.Tests.Email;

/// <summary>Queues email the way the site's features do, and reads the outbox back.</summary>
internal static class OutboxTestSupport
{
    /// <summary>Queues one message through the site's <see cref="EmailOutbox"/> and saves it, as a feature would.</summary>
    public static Task<OutboxMessage> QueueEmailAsync(this PortalFactory site, string to, string subject = "Your training booking", string text = "You have a place.", string? html = null) =>
        site.WithScopeAsync(async sp =>
        {
            var message = sp.GetRequiredService<EmailOutbox>().Queue(to, "Sam Practitioner", subject, text, html);
            await sp.GetRequiredService<PortalDbContext>().SaveChangesAsync();
            return message;
        });

    public static Task<OutboxMessage?> FindOutboxMessageAsync(this PortalFactory site, string messageId) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().OutboxMessages.AsNoTracking()
            .SingleOrDefaultAsync(m => m.MessageId == messageId));

    public static OutboxSender Sender(this PortalFactory site) => site.Services.GetRequiredService<OutboxSender>();

    /// <summary>How many times the SMTP server has received the message with this Message-ID.</summary>
    public static int ReceivedCount(this SmtpTestServer smtp, string messageId) =>
        smtp.Messages.Count(m => m.MessageId == messageId);

    public static Task<MimeMessage> WaitForMessageIdAsync(this SmtpTestServer smtp, string messageId) =>
        smtp.WaitForMessageAsync(m => m.MessageId == messageId);

    public static Task WaitUntilSentAsync(this PortalFactory site, string messageId) =>
        Eventually.TrueAsync(async () => (await site.FindOutboxMessageAsync(messageId))?.SentUtc is not null, $"{messageId} is recorded as sent");
}
