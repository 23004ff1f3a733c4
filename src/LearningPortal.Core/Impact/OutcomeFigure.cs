using System.Globalization;

namespace LearningPortal.Core.Impact;

/// <summary>
/// A figure the partnership gets from elsewhere (re-referrals within 12 months, child protection plans under neglect,
/// neglect screening tools completed), entered by an Editor for one strategic objective and one calendar quarter, with
/// where it came from. Impact's own data: charted beside the figures Impact counts itself.
/// </summary>
public class OutcomeFigure
{
    public int Id { get; set; }

    /// <summary>The objective (<see cref="ActionPlans.Objective.Id"/>) the measure is evidence for.</summary>
    public Guid ObjectiveId { get; set; }

    /// <summary>What is measured, in the partnership's words ("Re-referrals within 12 months").</summary>
    public string Measure { get; set; } = "";

    /// <summary>The first day of the calendar quarter (1 January, 1 April, 1 July or 1 October).</summary>
    public DateOnly QuarterStart { get; set; }

    public decimal Value { get; set; }

    /// <summary>Where the figure came from ("Children's social care performance report, Q1").</summary>
    public string Source { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Bumped on every change, so two Editors changing the same figure cannot overwrite each other unseen.</summary>
    public int Version { get; set; }
}

/// <summary>Calendar quarters as outcome figures use them.</summary>
public static class Quarters
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The first day of quarter <paramref name="quarter"/> (1 to 4) of <paramref name="year"/>.</summary>
    public static DateOnly Start(int year, int quarter) => new(year, (quarter - 1) * 3 + 1, 1);

    /// <summary>The quarter (1 to 4) a day falls in.</summary>
    public static int Of(DateOnly day) => (day.Month - 1) / 3 + 1;

    /// <summary>"January to March 2026".</summary>
    public static string Label(DateOnly start) =>
        $"{start.ToString("MMMM", EnGb)} to {start.AddMonths(2).ToString("MMMM", EnGb)} {start.Year}";

    /// <summary>The quarter's months as people say them ("January to March"), for quarter 1 to 4.</summary>
    public static string Months(int quarter) => Label(Start(2000, quarter))[..^5];
}
