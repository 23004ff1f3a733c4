using LearningPortal.Core.Data;
using LearningPortal.Core.Impact;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Tests.Impact;

/// <summary>Impact's own data put straight into the database, kept as the live writers keep it.</summary>
public static class ImpactTestData
{
    /// <summary>Adds a read and counts it, as <see cref="ReadWriter"/> does (saved with the caller's SaveChanges).</summary>
    public static void AddRead(PortalDbContext db, BriefingRead read)
    {
        db.BriefingReads.Add(read);
        var month = BriefingReadCount.MonthOf(read.Day);
        db.BriefingReadCounts.TrackedOrAdded(
            c => c.DocumentId == read.DocumentId && c.AgencyId == read.AgencyId && c.Month == month,
            () => new BriefingReadCount { DocumentId = read.DocumentId, AgencyId = read.AgencyId, Month = month })
            .Readers++;
    }

    /// <summary>The entity this context already tracks that matches, or a new one added to it.</summary>
    public static T TrackedOrAdded<T>(this DbSet<T> set, Func<T, bool> match, Func<T> create)
        where T : class
    {
        if (set.Local.FirstOrDefault(match) is { } tracked)
        {
            return tracked;
        }

        var added = create();
        set.Add(added);
        return added;
    }
}
