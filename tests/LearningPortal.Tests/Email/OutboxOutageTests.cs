using System.Text.Json;

namespace LearningPortal.Tests.Email;

/// <summary>An SMTP outage: its own site, so that the backlog /health reports is this test's alone.</summary>
public class OutboxOutageTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task While_smtp_is_down_the_message_stays_pending_with_its_error_and_is_delivered_once_when_smtp_is_back()
    {
        await site.Smtp.StopListeningAsync();
        OutageObservation state;
        try
        {
            var queued = await site.QueueEmailAsync(TestUsers.UniqueEmail("outage"));
            await Eventually.TrueAsync(async () => (await site.FindOutboxMessageAsync(queued.MessageId))!.Attempts >= 1, "the first attempt has failed");
            state = new(queued.MessageId, (await site.FindOutboxMessageAsync(queued.MessageId))!, await site.GetHealthAsync());
        }
        finally
        {
            site.Smtp.StartListening();
        }

        await site.Smtp.WaitForMessageIdAsync(state.MessageId);
        await site.WaitUntilSentAsync(state.MessageId);
        await site.Sender().DeliverDueAsync(CancellationToken.None);
        var healthAfter = await site.GetHealthAsync();

        Assert.Null(state.DuringOutage.SentUtc);
        Assert.False(state.DuringOutage.IsDead);
        Assert.False(string.IsNullOrWhiteSpace(state.DuringOutage.LastError));
        Assert.True(state.DuringOutage.NextAttemptUtc > state.DuringOutage.CreatedUtc, "A failed message is retried later, not at once");
        var outboxDuring = state.HealthDuringOutage.GetProperty("outbox");
        Assert.Equal(1, outboxDuring.GetProperty("pending").GetInt32());
        Assert.Equal(1, outboxDuring.GetProperty("failing").GetInt32());
        Assert.Equal(0, outboxDuring.GetProperty("dead").GetInt32());
        Assert.Equal(1, site.Smtp.ReceivedCount(state.MessageId));
        var row = await site.FindOutboxMessageAsync(state.MessageId);
        Assert.Null(row!.LastError);
        Assert.True(row.Attempts >= 2);
        Assert.Equal(0, healthAfter.GetProperty("outbox").GetProperty("pending").GetInt32());
        Assert.Equal(0, healthAfter.GetProperty("outbox").GetProperty("failing").GetInt32());
        Assert.Equal("Healthy", healthAfter.GetProperty("outbox").GetProperty("status").GetString());
    }

    private sealed record OutageObservation(string MessageId, Core.Email.OutboxMessage DuringOutage, JsonElement HealthDuringOutage);
}
