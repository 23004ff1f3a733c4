namespace LearningPortal.Tests.Email;

/// <summary>A site that gives up on a message after two attempts, quickly.</summary>
public class TwoAttemptsSite : PortalFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Email:MaxAttempts"] = "2",
        ["Email:RetryBaseDelay"] = "00:00:00.100",
    };
}

public class OutboxDeadLetterTests(TwoAttemptsSite site) : IClassFixture<TwoAttemptsSite>
{
    [Fact]
    public async Task After_max_attempts_the_message_is_dead_is_not_sent_when_smtp_returns_and_health_is_degraded()
    {
        await site.Smtp.StopListeningAsync();
        string messageId;
        try
        {
            messageId = (await site.QueueEmailAsync(TestUsers.UniqueEmail("dead"))).MessageId;
            await Eventually.TrueAsync(async () => (await site.FindOutboxMessageAsync(messageId))!.IsDead, "the message is dead");
        }
        finally
        {
            site.Smtp.StartListening();
        }

        var delivered = await site.Sender().DeliverDueAsync(CancellationToken.None);
        var health = await site.GetHealthAsync();

        var row = await site.FindOutboxMessageAsync(messageId);
        Assert.Equal(2, row!.Attempts);
        Assert.Null(row.SentUtc);
        Assert.NotNull(row.LastError);
        Assert.Equal(0, delivered);
        Assert.Equal(0, site.Smtp.ReceivedCount(messageId));
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        Assert.Equal("Degraded", health.GetProperty("outbox").GetProperty("status").GetString());
        Assert.Equal(1, health.GetProperty("outbox").GetProperty("dead").GetInt32());
        Assert.Equal(0, health.GetProperty("outbox").GetProperty("pending").GetInt32());
    }
}
