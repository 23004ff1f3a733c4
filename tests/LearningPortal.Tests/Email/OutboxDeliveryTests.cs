using LearningPortal.Core.Email;

namespace LearningPortal.Tests.Email;

/// <summary>The outbox with the site's real background sender and a real SMTP server.</summary>
public class OutboxDeliveryTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Queued_message_is_delivered_once_over_smtp_with_its_sender_recipient_subject_body_and_message_id()
    {
        var to = TestUsers.UniqueEmail("booking");

        var queued = await site.QueueEmailAsync(to, "Your place on GCP2 training", "You have a place on 3 March.", "<p>You have a place on 3 March.</p>");
        var received = await site.Smtp.WaitForMessageIdAsync(queued.MessageId);
        await site.WaitUntilSentAsync(queued.MessageId);
        await site.Sender().DeliverDueAsync(CancellationToken.None);

        Assert.Equal("no-reply@learningportal.local", received.From.Mailboxes.Single().Address);
        Assert.Equal("Learning Portal", received.From.Mailboxes.Single().Name);
        Assert.Equal(to, received.To.Mailboxes.Single().Address);
        Assert.Equal("Sam Practitioner", received.To.Mailboxes.Single().Name);
        Assert.Equal("Your place on GCP2 training", received.Subject);
        Assert.Equal("You have a place on 3 March.", received.TextBody?.Trim());
        Assert.Equal("<p>You have a place on 3 March.</p>", received.HtmlBody?.Trim());
        Assert.Equal(1, site.Smtp.ReceivedCount(queued.MessageId));
        var row = await site.FindOutboxMessageAsync(queued.MessageId);
        Assert.Equal(1, row!.Attempts);
        Assert.Null(row.LastError);
        Assert.Null(row.LeaseOwner);
    }

    [Fact]
    public async Task Message_queued_in_a_transaction_that_is_rolled_back_is_never_sent()
    {
        var rolledBackTo = TestUsers.UniqueEmail("rolled-back");
        var committedTo = TestUsers.UniqueEmail("committed");

        var rolledBack = await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var message = sp.GetRequiredService<EmailOutbox>().Queue(rolledBackTo, "Sam", "Booking confirmed", "This booking was not saved.");
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return message;
        });
        // A message queued afterwards and committed shows that the sender has been round since.
        var committed = await site.QueueEmailAsync(committedTo);
        await site.Smtp.WaitForMessageIdAsync(committed.MessageId);
        await site.Sender().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(0, site.Smtp.ReceivedCount(rolledBack.MessageId));
        Assert.DoesNotContain(site.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == rolledBackTo));
        Assert.Null(await site.FindOutboxMessageAsync(rolledBack.MessageId));
    }
}
