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

/// <summary>
/// Where a section partial (reach, reflection, actions, outcomes, training, feedback) stands on its page. A briefing's or
/// objective's own page shows each section once at the top level (the default: h2, ids as they are); the yearly report
/// shows the same partial once per briefing and objective, so it passes a prefix that keeps every id unique, a lower
/// heading level, and the subject named in each table's label. A section partial takes one of these in its model
/// (<c>SectionPlace? Place = null</c>) and writes <c>Place.Id("reflection")</c>, <c>&lt;lp-heading level="@Place.Level"&gt;</c>
/// and <c>Place.Label("...")</c>.
/// </summary>
public sealed record SectionPlace(string Prefix = "", int Level = 2, string? Subject = null)
{
    public static readonly SectionPlace Page = new();

    /// <summary>An element id, unique on the page.</summary>
    public string Id(string id) => Prefix + id;

    /// <summary>The level of headings inside the section.</summary>
    public int SubLevel => Level + 1;

    /// <summary>A table's label or caption, naming the subject where the page shows several.</summary>
    public string Label(string label) => Subject is null ? label : $"{label}: {Subject}";
}

/// <summary>The Reflection partial's model: the figures, the address of each table's CSV (by table name) and whose questions ("the briefing's").</summary>
public sealed record ReflectionView(ReflectionFigures Figures, Func<string, string> Csv, string Whose, SectionPlace? Place = null)
{
    public SectionPlace At => Place ?? SectionPlace.Page;
}

/// <summary>The Actions partial's model: the figures, the address of its CSV, what the actions belong to and the owning agency chosen, if any.</summary>
public sealed record ActionsView(ActionFigures Figures, string Csv, string Whose, string? Agency, SectionPlace? Place = null)
{
    public SectionPlace At => Place ?? SectionPlace.Page;
}

/// <summary>The Reach partial's model: one briefing's readers by agency and by month, and the address of each table's CSV.</summary>
public sealed record ReachView(BriefingReachDetail Detail, Func<string, string> Csv, SectionPlace? Place = null)
{
    public SectionPlace At => Place ?? SectionPlace.Page;
}

/// <summary>The Outcomes partial's model: an objective's outcome figures (by measure, by quarter), its CSV, and whether to offer adding one.</summary>
public sealed record OutcomesView(Guid ObjectiveId, IReadOnlyList<OutcomeFigure> Figures, string Csv, bool CanAdd, SectionPlace? Place = null)
{
    public SectionPlace At => Place ?? SectionPlace.Page;
}

/// <summary>The briefings-reach table's model: one line per briefing (readers, anonymous views, read and reflected) and the filter their links carry.</summary>
public sealed record BriefingsReachView(IReadOnlyList<BriefingReach> Briefings, string Caption, string Csv, IDictionary<string, string> FilterRoute, SectionPlace? Place = null)
{
    public SectionPlace At => Place ?? SectionPlace.Page;
}

/// <summary>An SVG bar chart of figures entered by Editors (outcome measures): an id, a title and the bars.</summary>
public sealed record ValueChart(string Id, string Title, IReadOnlyList<(string Label, decimal Value)> Bars);
