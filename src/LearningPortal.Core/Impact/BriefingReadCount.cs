namespace LearningPortal.Core.Impact;

/// <summary>
/// Signed-in readers (person-days) of a briefing from one agency in one month: Impact's count of its
/// <see cref="BriefingRead"/> rows, so the impact pages sum a few rows per briefing instead of counting every read.
/// Kept by <see cref="ReadWriter"/> in the transaction that inserts the reads (<see cref="ImpactReadCounts"/>) and
/// recounted from the reads by <c>rebuild-impact</c>. A count, never a person.
/// </summary>
public class BriefingReadCount
{
    public int DocumentId { get; set; }

    /// <summary>The readers' agency on the day of the read.</summary>
    public int AgencyId { get; set; }

    /// <summary>The first day of the month (UK time).</summary>
    public DateOnly Month { get; set; }

    public int Readers { get; set; }

    /// <summary>The month a UK day falls in, as <see cref="Month"/> holds it.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
}
