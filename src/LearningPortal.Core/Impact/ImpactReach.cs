using LearningPortal.Core.Content;
using LearningPortal.Core.Data;
using LearningPortal.Core.Reporting;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Impact;

/// <summary>A period of whole months (UK days from the first of <see cref="From"/> to the last of <see cref="To"/>), and optionally one agency.</summary>
public sealed record ReachFilter(DateOnly From, DateOnly To, int? AgencyId)
{
    public DateOnly FirstDay => new(From.Year, From.Month, 1);

    public DateOnly LastDay => new DateOnly(To.Year, To.Month, 1).AddMonths(1).AddDays(-1);

    public DateTime StartUtc => UkTime.StartOfDayUtc(FirstDay);

    public DateTime EndUtc => UkTime.StartOfDayUtc(LastDay.AddDays(1));
}

/// <summary>One published briefing's reach in a period; every figure already suppressed.</summary>
public sealed record BriefingReach(int DocumentId, string Slug, string Title, SuppressedCount Readers, SuppressedCount? AnonymousViews, SuppressedCount Reflected);

/// <summary>One row of a briefing's reach table (an agency or a month) and its suppressed figures.</summary>
public sealed record ReachRow(string Label, SuppressedCount Readers, SuppressedCount Reflected, int? EnabledAccounts = null)
{
    /// <summary>Readers as a share of the agency's enabled accounts, only when the readers figure is shown.</summary>
    public double? Share => Readers.Value is { } r && EnabledAccounts is > 0 and { } e ? (double)r / e : null;
}

/// <summary>One briefing's reach: by agency (against enabled accounts) and by month (its discussions are in <see cref="ImpactReflection"/>).</summary>
public sealed record BriefingReachDetail(
    int DocumentId, string Slug, string Title,
    IReadOnlyList<ReachRow> ByAgency, ReachRow AgencyTotal,
    IReadOnlyList<ReachRow> ByMonth, SuppressedCount? AnonymousViews);

/// <summary>
/// Reach of published learning briefings for the Editors' impact pages, from Impact's own read models only
/// (counts of reads, anonymous views, reflections, discussion copies) plus the briefing list and agencies' enabled accounts.
/// Signed-in readers are person-days (a person counts once a day). Every figure goes through <see cref="SmallNumbers"/>:
/// alone where no total is shown, and with the subtraction rule where parts and their total are shown together.
/// Nothing here names a person or lists anyone's reads.
/// </summary>
public class ImpactReach(PortalDbContext db, SmallNumbers smallNumbers)
{
    /// <summary>Every published briefing with its readers, anonymous views (all agencies only: they have none) and reflections.</summary>
    public async Task<IReadOnlyList<BriefingReach>> BriefingsAsync(ReachFilter filter, CancellationToken cancellationToken = default)
    {
        var briefings = await PublishedBriefings().OrderBy(d => d.PublishedTitle).Select(d => new { d.Id, d.Slug, d.PublishedTitle }).ToListAsync(cancellationToken);
        var readers = await ReadCounts(filter).GroupBy(r => r.DocumentId).Select(g => new { g.Key, Count = g.Sum(r => r.Readers) }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var reflected = await Reflections(filter).GroupBy(r => r.DocumentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var anonymous = filter.AgencyId is null
            ? await Views(filter).GroupBy(v => v.DocumentId).Select(g => new { g.Key, Count = g.Sum(v => v.Views) }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken)
            : null;
        return [.. briefings.Select(b => new BriefingReach(b.Id, b.Slug, b.PublishedTitle ?? b.Slug,
            Count(readers.GetValueOrDefault(b.Id)),
            anonymous is null ? null : Count(anonymous.GetValueOrDefault(b.Id)),
            Count(reflected.GetValueOrDefault(b.Id))))];
    }

    /// <summary>One published briefing's reach, or null when there is no published briefing at that address.</summary>
    public async Task<BriefingReachDetail?> BriefingAsync(string slug, ReachFilter filter, CancellationToken cancellationToken = default)
    {
        var briefing = await PublishedBriefings().Where(d => d.Slug == slug).Select(d => new { d.Id, d.Slug, d.PublishedTitle }).SingleOrDefaultAsync(cancellationToken);
        return briefing is null ? null : (await DetailsAsync([(briefing.Id, briefing.Slug, briefing.PublishedTitle ?? briefing.Slug)], filter, cancellationToken))[0];
    }

    /// <summary>Each briefing's reach, in the order given, in a few queries however many briefings (the yearly report has one per briefing).</summary>
    public async Task<IReadOnlyList<BriefingReachDetail>> DetailsAsync(
        IReadOnlyList<(int Id, string Slug, string Title)> briefings, ReachFilter filter, CancellationToken cancellationToken = default)
    {
        var ids = briefings.Select(b => b.Id).ToList();
        var agencies = await db.Agencies.AsNoTracking()
            .Where(a => filter.AgencyId == null ? a.IsActive : a.Id == filter.AgencyId)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        var enabled = await db.Users.AsNoTracking().Where(u => !u.IsDisabled)
            .GroupBy(u => u.AgencyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var reads = (await ReadCounts(filter).Where(r => ids.Contains(r.DocumentId)).Select(r => new { r.DocumentId, r.AgencyId, r.Month, r.Readers }).ToListAsync(cancellationToken))
            .ToLookup(r => r.DocumentId);
        var reflections = (await Reflections(filter).Where(r => ids.Contains(r.DocumentId)).Select(r => new { r.DocumentId, r.AgencyId, r.ReflectedUtc }).ToListAsync(cancellationToken))
            .ToLookup(r => r.DocumentId);
        var anonymous = filter.AgencyId is null
            ? await Views(filter).Where(v => ids.Contains(v.DocumentId)).GroupBy(v => v.DocumentId).Select(g => new { g.Key, Views = g.Sum(v => v.Views) })
                .ToDictionaryAsync(g => g.Key, g => g.Views, cancellationToken)
            : null;

        // An agency that is no longer active but has reads in the period still gets its row, so the parts add up to the total.
        var agencyIds = agencies.Select(a => a.Id).ToHashSet();
        var missing = reads.SelectMany(g => g).Select(r => r.AgencyId).Concat(reflections.SelectMany(g => g).Select(r => r.AgencyId)).Distinct().Where(a => !agencyIds.Contains(a)).ToList();
        var others = missing.Count == 0 ? [] : await db.Agencies.AsNoTracking().Where(a => missing.Contains(a.Id)).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);

        var months = new List<DateOnly>();
        for (var m = filter.FirstDay; m <= filter.LastDay; m = m.AddMonths(1))
        {
            months.Add(m);
        }

        return [.. briefings.Select(briefing =>
        {
            var (counts, marks) = (reads[briefing.Id].ToList(), reflections[briefing.Id].ToList());
            var rows = agencies.Concat(others.Where(o => counts.Any(r => r.AgencyId == o.Id) || marks.Any(r => r.AgencyId == o.Id))).ToList();
            var agencyReaders = smallNumbers.Cells([.. rows.Select(a => counts.Where(r => r.AgencyId == a.Id).Sum(r => r.Readers))]);
            var agencyReflected = smallNumbers.Cells([.. rows.Select(a => marks.Count(r => r.AgencyId == a.Id))]);
            var byAgency = rows.Select((a, i) => new ReachRow(a.Name, agencyReaders[i], agencyReflected[i], enabled.GetValueOrDefault(a.Id))).ToList();
            var total = new ReachRow("All agencies", Count(counts.Sum(r => r.Readers)), Count(marks.Count), rows.Sum(a => enabled.GetValueOrDefault(a.Id)));

            var reflectedDays = marks.Select(r => UkTime.Today(r.ReflectedUtc)).ToList();
            var monthReaders = smallNumbers.Cells([.. months.Select(m => counts.Where(r => r.Month == m).Sum(r => r.Readers))]);
            var monthReflected = smallNumbers.Cells([.. months.Select(m => reflectedDays.Count(d => d.Year == m.Year && d.Month == m.Month))]);
            var byMonth = months.Select((m, i) => new ReachRow(m.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), monthReaders[i], monthReflected[i])).ToList();

            return new BriefingReachDetail(briefing.Id, briefing.Slug, briefing.Title, byAgency, total, byMonth,
                anonymous is null ? null : Count(anonymous.GetValueOrDefault(briefing.Id)));
        })];
    }

    /// <summary>The ids of the published learning briefings.</summary>
    public async Task<HashSet<int>> PublishedBriefingIdsAsync(CancellationToken cancellationToken = default) =>
        [.. await PublishedBriefings().Select(d => d.Id).ToListAsync(cancellationToken)];

    /// <summary>A count on its own: below the threshold hidden; zero shown, as it singles nobody out.</summary>
    public SuppressedCount Count(int count) => count == 0 ? new SuppressedCount(0, smallNumbers.Threshold) : smallNumbers.Count(count);

    private IQueryable<Document> PublishedBriefings() =>
        db.Documents.AsNoTracking().Where(d => d.Type == DocumentType.LearningBriefing && d.State == DocumentState.Published);

    /// <summary>Readers by briefing, agency and month (the counts the read writer keeps), for the filter's months: a few rows per briefing, not every read.</summary>
    private IQueryable<BriefingReadCount> ReadCounts(ReachFilter filter)
    {
        var (first, last) = (filter.FirstDay, filter.LastDay);
        var counts = db.BriefingReadCounts.AsNoTracking().Where(c => c.Month >= first && c.Month <= last);
        return filter.AgencyId is { } agency ? counts.Where(c => c.AgencyId == agency) : counts;
    }

    private IQueryable<BriefingReflection> Reflections(ReachFilter filter)
    {
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var marks = db.BriefingReflections.AsNoTracking().Where(r => r.ReflectedUtc >= start && r.ReflectedUtc < end);
        return filter.AgencyId is { } agency ? marks.Where(r => r.AgencyId == agency) : marks;
    }

    private IQueryable<AnonymousBriefingViews> Views(ReachFilter filter)
    {
        var (first, last) = (filter.FirstDay, filter.LastDay);
        return db.AnonymousBriefingViews.AsNoTracking().Where(v => v.Day >= first && v.Day <= last);
    }
}
