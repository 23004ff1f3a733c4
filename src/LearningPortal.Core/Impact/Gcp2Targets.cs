using System.Globalization;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Impact;

/// <summary>An agency with its GCP2 target, if one is set.</summary>
public sealed record Gcp2TargetLine(int AgencyId, string Agency, int? Target);

/// <summary>The targets as they stand, and a stamp of them that a save must still match.</summary>
public sealed record Gcp2TargetList(IReadOnlyList<Gcp2TargetLine> Lines, string Stamp);

/// <summary>
/// The GCP2 targets Editors set per agency: how many of its practitioners should be trained to use the Graded Care
/// Profile 2. Saved all at once in one SaveChanges with one audit line; a change by someone else since the page was
/// opened (the stamp differs, or a row's version moved in between) is refused, so no one's change is lost.
/// </summary>
public class Gcp2Targets(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>The largest target accepted (the pages check it first).</summary>
    public const int MaxTarget = 100_000;

    /// <summary>Every active agency, and any inactive one that still has a target, with its target.</summary>
    public async Task<Gcp2TargetList> ListAsync(CancellationToken cancellationToken = default)
    {
        var targets = await db.Gcp2Targets.AsNoTracking().ToListAsync(cancellationToken);
        var withTarget = targets.Select(t => t.AgencyId).ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive || withTarget.Contains(a.Id))
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        return new Gcp2TargetList(
            [.. agencies.Select(a => new Gcp2TargetLine(a.Id, a.Name, targets.FirstOrDefault(t => t.AgencyId == a.Id)?.Target))],
            Stamp(targets));
    }

    /// <summary>
    /// Sets the targets given (null clears one); agencies not given keep theirs. False when the targets changed since
    /// <paramref name="stamp"/> was read (nothing is saved then).
    /// </summary>
    public async Task<bool> SaveAsync(IReadOnlyDictionary<int, int?> targets, string stamp, Actor actor, CancellationToken cancellationToken = default)
    {
        if (targets.Values.Any(t => t is < 0 or > MaxTarget))
        {
            throw new ArgumentException("The page checks the targets before saving them", nameof(targets));
        }

        var rows = await db.Gcp2Targets.ToListAsync(cancellationToken);
        if (Stamp(rows) != stamp)
        {
            return false;
        }

        var ids = targets.Keys.ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new List<string>();
        foreach (var (agencyId, target) in targets.Where(t => names.ContainsKey(t.Key)).OrderBy(t => t.Key))
        {
            var row = rows.FirstOrDefault(r => r.AgencyId == agencyId);
            if (row?.Target == target)
            {
                continue;
            }

            changes.Add($"{names[agencyId]}: {Describe(row?.Target)} to {Describe(target)}");
            if (target is null)
            {
                db.Gcp2Targets.Remove(row!);
            }
            else if (row is null)
            {
                db.Gcp2Targets.Add(new Gcp2Target { AgencyId = agencyId, Target = target.Value, Version = 1, UpdatedUtc = now });
            }
            else
            {
                row.Target = target.Value;
                row.Version++;
                row.UpdatedUtc = now;
            }
        }

        if (changes.Count == 0)
        {
            return true;
        }

        audit.Record(actor, "impact.gcp2-targets.changed", "gcp2-targets", "all", "GCP2 targets changed: " + string.Join("; ", changes));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another Editor saved in between (a version moved, or the same agency's first target was added twice).
            db.ChangeTracker.Clear();
            return false;
        }

        return true;
    }

    /// <summary>The targets as they stand, as one string: any change to any of them changes it.</summary>
    private static string Stamp(IEnumerable<Gcp2Target> targets) =>
        string.Join(",", targets.OrderBy(t => t.AgencyId).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.AgencyId}.{t.Version}.{t.Target}")));

    private static string Describe(int? target) => target?.ToString(CultureInfo.InvariantCulture) ?? "none";
}
