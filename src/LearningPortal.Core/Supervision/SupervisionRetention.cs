using LearningPortal.Core.Data;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Supervision;

/// <summary>
/// Deletes records older than <see cref="SupervisionOptions.RetentionMonths"/> (by the discussion's date), and
/// records nobody can read any more because every account in them has been deleted. Their actions, reflections
/// and audit trail go with them (cascade in the database).
/// </summary>
public class SupervisionRetention(PortalDbContext db, IOptionsMonitor<SupervisionOptions> options, TimeProvider clock)
{
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(UkTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        var cutOff = today.AddMonths(-options.CurrentValue.RetentionMonths);
        return await db.DiscussionRecords
            .Where(r => r.HeldOn < cutOff || (r.SupervisorId == null && r.Participants.All(p => p.UserId == null)))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
