using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Impact;

/// <summary>
/// Keeps <see cref="BriefingReadCount"/> in step with <see cref="BriefingRead"/>: <see cref="AddAsync"/> adds new reads
/// to their briefing's, agency's and month's count with an upsert (INSERT ... ON CONFLICT DO UPDATE, the same SQL on
/// SQLite and PostgreSQL), inside the caller's transaction, so a count commits or rolls back with its reads and two
/// instances adding to one count at once both count. <see cref="RecountAsync"/> recounts every row from the reads.
/// </summary>
public static class ImpactReadCounts
{
    /// <summary>Adds the reads just inserted (call it in their transaction) to their counts: one statement per briefing, agency and month.</summary>
    public static async Task AddAsync(PortalDbContext db, IEnumerable<BriefingRead> inserted, CancellationToken cancellationToken)
    {
        // In key order, so two instances adding to the same counts lock them in the same order.
        foreach (var g in inserted.GroupBy(r => (r.DocumentId, r.AgencyId, Month: BriefingReadCount.MonthOf(r.Day))).OrderBy(g => g.Key))
        {
            var (documentId, agencyId, month, readers) = (g.Key.DocumentId, g.Key.AgencyId, g.Key.Month, g.Count());
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "ImpactReadCounts" ("DocumentId", "AgencyId", "Month", "Readers") VALUES ({documentId}, {agencyId}, {month}, {readers})
                ON CONFLICT ("DocumentId", "AgencyId", "Month") DO UPDATE SET "Readers" = "ImpactReadCounts"."Readers" + excluded."Readers"
                """,
                cancellationToken);
        }
    }

    /// <summary>Replaces every count with a count of the reads (for <c>rebuild-impact</c>, in its transaction); returns how many counts were written.</summary>
    public static async Task<int> RecountAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        await db.BriefingReadCounts.ExecuteDeleteAsync(cancellationToken);
        // Grouped in the database: at most briefings x agencies x months rows come back, whatever the number of reads.
        var counts = await db.BriefingReads.AsNoTracking()
            .GroupBy(r => new { r.DocumentId, r.AgencyId, r.Day.Year, r.Day.Month })
            .Select(g => new { g.Key.DocumentId, g.Key.AgencyId, g.Key.Year, g.Key.Month, Readers = g.Count() })
            .ToListAsync(cancellationToken);
        db.BriefingReadCounts.AddRange(counts.Select(c => new BriefingReadCount
        {
            DocumentId = c.DocumentId, AgencyId = c.AgencyId, Month = new DateOnly(c.Year, c.Month, 1), Readers = c.Readers,
        }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return counts.Count;
    }
}
