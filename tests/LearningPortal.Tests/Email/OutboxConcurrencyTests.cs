using LearningPortal.Core.Email;

namespace LearningPortal.Tests.Email;

/// <summary>A site whose background sender is off, so that a test decides who sends and when.</summary>
public class ManualSenderSite : PortalFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Email:SenderEnabled"] = "false",
    };
}

public class OutboxConcurrencyTests(ManualSenderSite site) : IClassFixture<ManualSenderSite>
{
    [Fact]
    public async Task Two_senders_racing_over_fifty_messages_deliver_each_exactly_once()
    {
        var queued = await site.WithScopeAsync(async sp =>
        {
            var outbox = sp.GetRequiredService<EmailOutbox>();
            var messages = Enumerable.Range(1, 50)
                .Select(i => outbox.Queue(TestUsers.UniqueEmail($"race{i}"), $"Person {i}", $"Reminder {i}", "Your session is tomorrow."))
                .ToList();
            await sp.GetRequiredService<PortalDbContext>().SaveChangesAsync();
            return messages.Select(m => m.MessageId).ToList();
        });
        var first = site.Sender();
        // A second instance of the site, as another web server would run it, over the same database.
        using var second = ActivatorUtilities.CreateInstance<OutboxSender>(site.Services);

        var counts = await Task.WhenAll(
            Task.Run(() => first.DeliverDueAsync(CancellationToken.None)),
            Task.Run(() => second.DeliverDueAsync(CancellationToken.None)));

        Assert.NotEqual(first.InstanceId, second.InstanceId);
        Assert.Equal(50, counts.Sum());
        Assert.All(queued, id => Assert.Equal(1, site.Smtp.ReceivedCount(id)));
        Assert.Equal(50, site.Smtp.Messages.Count(m => queued.Contains(m.MessageId ?? "")));
        var unsent = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().OutboxMessages.CountAsync(m => m.SentUtc == null));
        Assert.Equal(0, unsent);
    }

    [Fact]
    public async Task With_the_background_sender_off_a_queued_message_waits_for_an_explicit_delivery()
    {
        var queued = await site.QueueEmailAsync(TestUsers.UniqueEmail("manual"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var waiting = await site.FindOutboxMessageAsync(queued.MessageId);

        await site.Sender().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(0, waiting!.Attempts);
        Assert.Null(waiting.SentUtc);
        Assert.Equal(1, site.Smtp.ReceivedCount(queued.MessageId));
    }
}
