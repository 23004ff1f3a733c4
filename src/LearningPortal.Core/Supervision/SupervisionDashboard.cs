using System.Globalization;
using LearningPortal.Core.Data;
using LearningPortal.Core.Reporting;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Supervision;

/// <summary>One row of a dashboard table.</summary>
public sealed record DashboardRow(string Label, SuppressedCount Count);

/// <summary>The partnership's view of supervision: counts of final records only, never any text from them.</summary>
public sealed record SupervisionFigures(
    SuppressedCount Discussions,
    IReadOnlyList<DashboardRow> ByKind,
    IReadOnlyList<DashboardRow> ByBriefing,
    IReadOnlyList<DashboardRow> ByQuestion,
    IReadOnlyList<DashboardRow> ByAgency,
    IReadOnlyList<DashboardRow> ByMonth,
    IReadOnlyList<DashboardRow> MostUsedQuestions,
    SuppressedCount ActionsAgreed,
    SuppressedCount ActionsCompleted,
    SuppressedCount ConfidenceResponses,
    decimal? AverageConfidenceChange);

/// <summary>
/// Counts for the partnership dashboard. Questions are named by the question set's own wording (published or
/// kept by partnership staff), looked up by the stable question id, not by what a record copied.
/// </summary>
public class SupervisionDashboard(PortalDbContext db, SmallNumbers smallNumbers)
{
    public async Task<SupervisionFigures> CountAsync(CancellationToken cancellationToken = default)
    {
        SuppressedCount Count(int n) => smallNumbers.Count(n);
        List<DashboardRow> Rows<T>(IEnumerable<IGrouping<T, int>> groups, Func<T, string> label) =>
            groups.Select(g => new DashboardRow(label(g.Key), Count(g.Distinct().Count()))).ToList();

        var final = db.DiscussionRecords.AsNoTracking().Where(r => r.State == RecordState.Final);
        var records = await final.Select(r => new { r.Id, r.Kind, r.HeldOn, r.QuestionSetTitle, r.SupervisorAgencyId }).ToListAsync(cancellationToken);
        var participants = await final.SelectMany(r => r.Participants)
            .Select(p => new { p.RecordId, p.AgencyId, p.ConfidenceBefore, p.ConfidenceAfter }).ToListAsync(cancellationToken);
        var questions = await final.SelectMany(r => r.Questions).Select(q => new { q.RecordId, q.QuestionId }).ToListAsync(cancellationToken);
        var actions = await final.SelectMany(r => r.Actions).Select(a => a.Status).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var questionIds = questions.Select(q => q.QuestionId).Distinct().ToList();
        var wording = (await db.QuestionSetQuestions.AsNoTracking().Where(q => questionIds.Contains(q.QuestionId))
                .Select(q => new { q.QuestionId, q.Text, q.IsCurrent }).ToListAsync(cancellationToken))
            .GroupBy(q => q.QuestionId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(q => q.IsCurrent).First().Text);

        var byQuestion = questions.GroupBy(q => q.QuestionId, q => q.RecordId)
            .Select(g => (Label: wording.GetValueOrDefault(g.Key, "A question no longer in any set"), Records: g.Distinct().Count()))
            .ToList();

        // A discussion counts once for each agency of the people in it (supervisor and participants).
        var agencyOfRecord = records.Select(r => (r.Id, r.SupervisorAgencyId))
            .Concat(participants.Select(p => (Id: p.RecordId, SupervisorAgencyId: p.AgencyId)))
            .Distinct();
        var withConfidence = participants.Where(p => p.ConfidenceBefore is not null && p.ConfidenceAfter is not null).ToList();
        var responses = Count(withConfidence.Count);
        return new SupervisionFigures(
            Count(records.Count),
            Rows(records.GroupBy(r => r.Kind, r => r.Id).OrderBy(g => g.Key), k => KindName(k)),
            Rows(records.GroupBy(r => r.QuestionSetTitle, r => r.Id).OrderBy(g => g.Key, StringComparer.Ordinal), t => t),
            byQuestion.OrderBy(q => q.Label, StringComparer.Ordinal).Select(q => new DashboardRow(q.Label, Count(q.Records))).ToList(),
            Rows(agencyOfRecord.GroupBy(a => a.SupervisorAgencyId, a => a.Id).OrderBy(g => agencies.GetValueOrDefault(g.Key, ""), StringComparer.Ordinal),
                id => agencies.GetValueOrDefault(id, "Unknown agency")),
            Rows(records.GroupBy(r => new DateOnly(r.HeldOn.Year, r.HeldOn.Month, 1), r => r.Id).OrderBy(g => g.Key),
                m => m.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))),
            byQuestion.OrderByDescending(q => q.Records).ThenBy(q => q.Label, StringComparer.Ordinal).Take(5)
                .Select(q => new DashboardRow(q.Label, Count(q.Records))).ToList(),
            Count(actions.Count),
            Count(actions.Count(a => a == ActionStatus.Done)),
            responses,
            responses.IsSuppressed ? null : Math.Round((decimal)withConfidence.Average(p => p.ConfidenceAfter!.Value - p.ConfidenceBefore!.Value), 1));
    }

    /// <summary>
    /// How many actions the given final records agreed, and how many of those are done: counts only, for Impact's
    /// pages, which choose the records from their own copies and suppress the counts themselves.
    /// </summary>
    public async Task<(int Agreed, int Done)> ActionsAsync(IReadOnlyCollection<int> recordIds, CancellationToken cancellationToken = default)
    {
        if (recordIds.Count == 0)
        {
            return (0, 0);
        }

        var ids = recordIds.Distinct().ToList();
        var statuses = await db.AgreedActions.AsNoTracking()
            .Where(a => ids.Contains(a.RecordId) && a.Record.State == RecordState.Final)
            .GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return (statuses.Sum(s => s.Count), statuses.Where(s => s.Key == ActionStatus.Done).Sum(s => s.Count));
    }

    /// <summary>The kind as people say it.</summary>
    public static string KindName(DiscussionKind kind) => kind switch
    {
        DiscussionKind.OneToOne => "One-to-one supervision",
        DiscussionKind.Group => "Group supervision",
        _ => "Team meeting",
    };
}
