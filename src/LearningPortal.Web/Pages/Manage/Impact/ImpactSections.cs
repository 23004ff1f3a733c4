using System.Globalization;
using LearningPortal.Core.Impact;
using LearningPortal.Core.Reporting;

namespace LearningPortal.Web.Pages.Manage.Impact;

/// <summary>What the Reflection and Actions partials show, so the CSV says the same as the page.</summary>
public static class ImpactSections
{
    /// <summary>The reflection summary lines: actions agreed and done, confidence responses and the averages (shown only when enough people answered).</summary>
    public static IReadOnlyList<(string Label, string Value)> ReflectionSummary(ReflectionFigures r) =>
    [
        ("Actions agreed", r.ActionsAgreed.ToString()),
        ("Actions done", r.ActionsDone.ToString()),
        ("People who gave their confidence before and after", r.ConfidenceResponses.ToString()),
        ("Average confidence before (1 to 5)", Average(r.AverageBefore)),
        ("Average confidence after (1 to 5)", Average(r.AverageAfter)),
        ("Average change in confidence", r.AverageChange is { } c ? c.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : NotShown),
    ];

    public const string NotShown = "not shown (too few answers)";

    /// <summary>Actions in standing order as chart bars (plain counts: actions are the partnership's work, not people).</summary>
    public static BarChart ActionChart(string id, ActionFigures a) =>
        new(id, "Actions by where they stand", [.. a.ByStanding.Select(s => (s.Standing, new SuppressedCount(s.Count, 0)))]);

    private static string Average(decimal? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : NotShown;
}

/// <summary>The Reflection partial's model: the figures, the address of each table's CSV (by table name) and whose questions ("the briefing's").</summary>
public sealed record ReflectionView(ReflectionFigures Figures, Func<string, string> Csv, string Whose);

/// <summary>The Actions partial's model: the figures, the address of its CSV, what the actions belong to and the owning agency chosen, if any.</summary>
public sealed record ActionsView(ActionFigures Figures, string Csv, string Whose, string? Agency);

/// <summary>An SVG bar chart of figures entered by Editors (outcome measures): an id, a title and the bars.</summary>
public sealed record ValueChart(string Id, string Title, IReadOnlyList<(string Label, decimal Value)> Bars);
