using LearningPortal.Core.Impact;
using LearningPortal.Core.Reporting;

namespace LearningPortal.Web.Pages.Manage.Impact;

/// <summary>The Training partial's model: the figures, the address of each table's CSV (by table name), whose courses, and where it stands on its page.</summary>
public sealed record TrainingView(TrainingFigures Figures, Func<string, string> Csv, string Whose, SectionPlace? Place = null)
{
    public SectionPlace At => Place ?? SectionPlace.Page;
}

/// <summary>The Feedback partial's model: the figures, the address of each table's CSV (by table name), whose feedback, and where it stands on its page.</summary>
public sealed record FeedbackView(FeedbackSection Figures, Func<string, string> Csv, string Whose, SectionPlace? Place = null)
{
    public SectionPlace At => Place ?? SectionPlace.Page;
}

/// <summary>
/// What the Training and Feedback partials show, as CSV tables too, so a page's CSV (and the yearly report's) says the
/// same as the page: <c>training</c>, <c>gcp2</c>, <c>feedback-source</c> and <c>feedback-agency</c>.
/// </summary>
public static class TrainingAndFeedbackSections
{
    public static readonly string[] Tables = ["training", "gcp2", "feedback-source", "feedback-agency"];

    /// <summary>One table as CSV header and rows, or null when <paramref name="table"/> is not one of these sections'.</summary>
    public static (string[] Header, IEnumerable<string[]> Rows)? Csv(string? table, TrainingFigures training, FeedbackSection feedback) => table switch
    {
        "training" => (["Agency", "Places booked", "Attended", "Did not attend"],
            training.ByAgency.Append(training.Total).Select(r => new[] { r.Label, r.Booked.ToString(), r.Attended.ToString(), r.NoShows.ToString() })),
        "gcp2" => (["Agency", "GCP2-trained practitioners", "Target", "Share of target"],
            training.Gcp2ByAgency.Append(training.Gcp2Total).Select(r => new[] { r.Label, r.Trained.ToString(), Target(r.Target), BriefingModel.Percent(r.Share) })),
        "feedback-source" => (FeedbackHeader("Where given"), feedback.BySource.Append(feedback.Total).Select(FeedbackCells)),
        "feedback-agency" => (FeedbackHeader("Agency"), feedback.ByAgency.Append(feedback.Total).Select(FeedbackCells)),
        _ => null,
    };

    public static string Target(int? target) => target?.ToString("#,##0", CultureInfo.GetCultureInfo("en-GB")) ?? "not set";

    public static string Average(decimal? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : ImpactSections.NotShown;

    public static string Change(decimal? value) => value is { } c ? c.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : ImpactSections.NotShown;

    public static string[] FeedbackHeader(string first) =>
        [first, "Responses", "Average usefulness (1 to 5)", "Gave confidence before and after", "Average confidence before (1 to 5)", "Average confidence after (1 to 5)", "Average change in confidence"];

    public static string[] FeedbackCells(FeedbackRow r) =>
        [r.Label, r.Responses.ToString(), Average(r.Usefulness), r.ConfidenceResponses.ToString(), Average(r.ConfidenceBefore), Average(r.ConfidenceAfter), Change(r.ConfidenceChange)];

    /// <summary>Average confidence before and after across all responses, as bars (averages, not counts of people; drawn only when shown).</summary>
    public static ValueChart ConfidenceChart(string id, FeedbackRow total) =>
        new(id, "Average confidence before and after (1 to 5)",
            total.ConfidenceBefore is { } b && total.ConfidenceAfter is { } a ? [("Before", b), ("After", a)] : []);
}
