using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Email;

/// <summary>The outbox backlog, for /health.</summary>
public record OutboxBacklog(int Pending, int Failing, int Dead, DateTime? OldestPendingUtc);

/// <summary>Reads the outbox backlog.</summary>
public class OutboxStatus(PortalDbContext db)
{
    public async Task<OutboxBacklog> GetBacklogAsync(CancellationToken cancellationToken)
    {
        var unsent = db.OutboxMessages.Where(m => m.SentUtc == null);
        var pending = await unsent.CountAsync(m => !m.IsDead, cancellationToken);
        var failing = await unsent.CountAsync(m => !m.IsDead && m.Attempts > 0, cancellationToken);
        var dead = await unsent.CountAsync(m => m.IsDead, cancellationToken);
        var oldest = await unsent.Where(m => !m.IsDead).OrderBy(m => m.CreatedUtc).Select(m => (DateTime?)m.CreatedUtc).FirstOrDefaultAsync(cancellationToken);
        return new OutboxBacklog(pending, failing, dead, oldest);
    }
}
