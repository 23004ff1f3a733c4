using LearningPortal.Core.Data;
using LearningPortal.Core.Reporting;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Impact;

/// <summary>
/// One row of the Feedback section (a source, an agency, or all): responses, the average usefulness (1 to 5) of those that
/// rated it, and the responses that gave confidence before and after with their averages. An average is shown only
/// when its row's count is shown and at least the suppression threshold of people gave it.
/// </summary>
public sealed record FeedbackRow(string Label, SuppressedCount Responses, decimal? Usefulness, SuppressedCount ConfidenceResponses, decimal? ConfidenceBefore, decimal? ConfidenceAfter)
{
    public decimal? ConfidenceChange => ConfidenceAfter - ConfidenceBefore;
}

/// <summary>The Feedback section: by source (feedback on the briefings, evaluations of the linked courses), by agency, and in all.</summary>
public sealed record FeedbackSection(IReadOnlyList<FeedbackRow> BySource, IReadOnlyList<FeedbackRow> ByAgency, FeedbackRow Total);

/// <summary>
/// Usefulness and confidence before and after from Impact's copies of feedback responses (<see cref="ImpactFeedback"/>):
/// responses given on the briefings, and evaluations of sessions of the linked courses (sessions known from Impact's
/// booking copies). A response counts in the period it was submitted (anonymous ones carry only their month) and for
/// the agency it gave, if any; with an agency chosen, responses without one are left out.
/// </summary>
public class ImpactFeedbackFigures(PortalDbContext db, SmallNumbers smallNumbers)
{
    public const string BriefingSource = "Feedback on the briefing";
    public const string CourseSource = "Evaluations of the linked courses";
    public const string NoAgency = "Agency not given";

    public async Task<FeedbackSection> FeedbackAsync(IReadOnlyCollection<int> documentIds, IReadOnlyCollection<int> courseIds, ReachFilter filter, CancellationToken cancellationToken = default) =>
        (await FeedbackAsync([(documentIds, courseIds)], filter, cancellationToken))[0];

    /// <summary>Each subject's feedback (responses on its briefings, evaluations of its courses), in the order given, in a few queries however many subjects (the yearly report has one per briefing).</summary>
    public async Task<IReadOnlyList<FeedbackSection>> FeedbackAsync(
        IReadOnlyList<(IReadOnlyCollection<int> DocumentIds, IReadOnlyCollection<int> CourseIds)> subjects, ReachFilter filter, CancellationToken cancellationToken = default)
    {
        var docs = subjects.SelectMany(s => s.DocumentIds).Distinct().ToList();
        var courses = subjects.SelectMany(s => s.CourseIds).Distinct().ToList();
        var courseOfSession = (await db.ImpactBookings.AsNoTracking().Where(b => courses.Contains(b.CourseId)).Select(b => new { b.SessionId, b.CourseId }).Distinct()
            .ToListAsync(cancellationToken)).ToLookup(s => s.SessionId, s => s.CourseId);
        var sessions = courseOfSession.Select(s => s.Key).ToList();
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var query = db.ImpactFeedback.AsNoTracking().Where(f => f.SubmittedUtc >= start && f.SubmittedUtc < end
            && ((f.DocumentId != null && docs.Contains(f.DocumentId.Value)) || (f.SessionId != null && sessions.Contains(f.SessionId.Value))));
        if (filter.AgencyId is { } agency)
        {
            query = query.Where(f => f.AgencyId == agency);
        }

        var rows = await query.Select(f => new { f.DocumentId, f.SessionId, Answer = new Answer(f.DocumentId != null, f.AgencyId, f.Usefulness, f.ConfidenceBefore, f.ConfidenceAfter) })
            .ToListAsync(cancellationToken);

        // Every agency listed for any subject, once: each subject lists the active ones (or the one chosen) and any other it has figures for.
        var listed = (await ImpactAgencies.ListAsync(db, filter.AgencyId, [], cancellationToken)).Select(a => a.Id).ToHashSet();
        var agencies = await ImpactAgencies.ListAsync(db, filter.AgencyId, [.. rows.Where(r => r.Answer.AgencyId != null).Select(r => r.Answer.AgencyId!.Value)], cancellationToken);
        return [.. subjects.Select(subject =>
        {
            var (docSet, courseSet) = (subject.DocumentIds.ToHashSet(), subject.CourseIds.ToHashSet());
            var answers = rows.Where(r => (r.DocumentId is { } d && docSet.Contains(d)) || (r.SessionId is { } s && courseOfSession[s].Any(courseSet.Contains)))
                .Select(r => r.Answer).ToList();
            return Section(answers, [.. agencies.Where(a => listed.Contains(a.Id) || answers.Any(r => r.AgencyId == a.Id))], filter.AgencyId is null);
        })];
    }

    private FeedbackSection Section(List<Answer> rows, List<(int Id, string Name)> agencies, bool allAgencies)
    {
        var sources = new[] { (BriefingSource, rows.Where(r => r.OnBriefing).ToList()), (CourseSource, rows.Where(r => !r.OnBriefing).ToList()) };
        var bySource = Rows(sources);
        var groups = agencies.Select(a => (a.Name, rows.Where(r => r.AgencyId == a.Id).ToList())).ToList();
        if (allAgencies)
        {
            groups.Add((NoAgency, rows.Where(r => r.AgencyId == null).ToList()));
        }

        return new FeedbackSection(bySource, Rows(groups), Row("All responses", rows, Count(rows.Count), Count(rows.Count(HasConfidence))));
    }

    private sealed record Answer(bool OnBriefing, int? AgencyId, int? Usefulness, int? ConfidenceBefore, int? ConfidenceAfter);

    private static bool HasConfidence(Answer a) => a.ConfidenceBefore is not null && a.ConfidenceAfter is not null;

    /// <summary>Rows whose counts add up to a shown total: each column suppressed with the subtraction rule.</summary>
    private List<FeedbackRow> Rows(IReadOnlyList<(string Label, List<Answer> Answers)> groups)
    {
        var responses = smallNumbers.Cells([.. groups.Select(g => g.Answers.Count)]);
        var confidence = smallNumbers.Cells([.. groups.Select(g => g.Answers.Count(HasConfidence))]);
        return [.. groups.Select((g, i) => Row(g.Label, g.Answers, responses[i], confidence[i]))];
    }

    private FeedbackRow Row(string label, List<Answer> answers, SuppressedCount responses, SuppressedCount confidence)
    {
        var rated = answers.Where(a => a.Usefulness is not null).ToList();
        var paired = answers.Where(HasConfidence).ToList();
        var showUseful = !responses.IsSuppressed && rated.Count > 0 && !smallNumbers.IsTooSmall(rated.Count);
        var showConfidence = !confidence.IsSuppressed && paired.Count > 0 && !smallNumbers.IsTooSmall(paired.Count);
        return new FeedbackRow(label, responses,
            showUseful ? Math.Round((decimal)rated.Average(a => a.Usefulness!.Value), 1) : null,
            confidence,
            showConfidence ? Math.Round((decimal)paired.Average(a => a.ConfidenceBefore!.Value), 1) : null,
            showConfidence ? Math.Round((decimal)paired.Average(a => a.ConfidenceAfter!.Value), 1) : null);
    }

    private SuppressedCount Count(int count) => count == 0 ? new SuppressedCount(0, smallNumbers.Threshold) : smallNumbers.Count(count);
}
