using LearningPortal.Core.Data;
using LearningPortal.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LearningPortal.Core.Email;

/// <summary>
/// Delivers due outbox messages. Each message is claimed with a lease by a conditional update, so two
/// instances never send the same one; a failure schedules a retry with exponential back-off, and after
/// <see cref="EmailOptions.MaxAttempts"/> the message is dead. Delivery is at least once: if the SMTP
/// server accepts a message but recording that fails, it is sent again later with the same Message-ID,
/// which lets mail systems recognise the duplicate.
/// </summary>
public class OutboxSender(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    IOptionsMonitor<EmailOptions> options,
    TimeProvider clock,
    OutboxSignal signal,
    ILogger<OutboxSender> logger) : BackgroundService
{
    /// <summary>Identifies this instance in leases.</summary>
    public string InstanceId { get; } = LeaseHolder.New();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (options.CurrentValue.SenderEnabled)
                {
                    await DeliverDueAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The outbox sender failed; it will try again.");
            }

            try
            {
                await signal.WaitAsync(options.CurrentValue.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Sends every message that is due now; returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        while (true)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.OutboxMessages
                .Where(m => m.SentUtc == null && !m.IsDead && m.NextAttemptUtc <= now
                    && (m.LeaseExpiresUtc == null || m.LeaseExpiresUtc < now))
                .OrderBy(m => m.Id)
                .Select(m => m.Id)
                .Take(20)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return delivered;
            }

            foreach (var id in due)
            {
                if (await TryDeliverAsync(db, id, cancellationToken))
                {
                    delivered++;
                }
            }
        }
    }

    private async Task<bool> TryDeliverAsync(PortalDbContext db, long id, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now + o.LeaseDuration;
        // The claim re-checks everything the selection checked: between the two another instance may
        // have sent the message, or tried it, failed and set a later attempt time.
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.SentUtc == null && !m.IsDead && m.NextAttemptUtc <= now
                && (m.LeaseExpiresUtc == null || m.LeaseExpiresUtc < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseOwner, InstanceId)
                .SetProperty(m => m.LeaseExpiresUtc, leaseUntil), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            await transport.SendAsync(ToMime(message, o), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = message.Attempts + 1;
            var delay = TimeSpan.FromTicks(Math.Min(
                o.RetryBaseDelay.Ticks * (1L << Math.Min(attempts - 1, 20)),
                TimeSpan.FromHours(1).Ticks));
            var dead = attempts >= o.MaxAttempts;
            var error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            await db.OutboxMessages.Where(m => m.Id == id && m.LeaseOwner == InstanceId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.IsDead, dead)
                    .SetProperty(m => m.NextAttemptUtc, now + delay)
                    .SetProperty(m => m.LeaseOwner, (string?)null)
                    .SetProperty(m => m.LeaseExpiresUtc, (DateTime?)null), CancellationToken.None);
            logger.LogWarning(ex, "Email {MessageId} to {To} failed (attempt {Attempts}).", message.MessageId, message.ToAddress, attempts);
            return false;
        }

        // Recorded even if this instance's lease has lapsed meanwhile: the message has gone, and marking
        // it sent stops another instance that has since claimed it from sending it again.
        var sentAt = clock.GetUtcNow().UtcDateTime;
        await db.OutboxMessages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentUtc, sentAt)
                .SetProperty(m => m.Attempts, message.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseExpiresUtc, (DateTime?)null), CancellationToken.None);
        return true;
    }

    internal static MimeMessage ToMime(OutboxMessage m, EmailOptions o)
    {
        var mime = new MimeMessage { MessageId = m.MessageId, Subject = m.Subject, Date = new DateTimeOffset(m.CreatedUtc, TimeSpan.Zero) };
        mime.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        mime.To.Add(new MailboxAddress(m.ToName, m.ToAddress));
        var body = new BodyBuilder { TextBody = m.TextBody, HtmlBody = m.HtmlBody };
        if (m.AttachmentContent is not null && m.AttachmentName is not null)
        {
            body.Attachments.Add(m.AttachmentName, m.AttachmentContent, ContentType.Parse(m.AttachmentContentType ?? "application/octet-stream"));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }
}
