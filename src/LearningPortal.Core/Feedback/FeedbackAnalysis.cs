using System.Linq.Expressions;
using System.Text.RegularExpressions;
using LearningPortal.Core.Data;
using LearningPortal.Core.Reporting;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Feedback;

/// <summary>
/// Analyses a form's responses. Counts, distributions and the trend (by UK month) are grouped in the database (one
/// GROUP BY per kind), so the work in memory is proportional to the number of distinct answers, not of responses.
/// When a filter leaves fewer responses than the portal's small-numbers threshold (<see cref="SmallNumbers"/>),
/// nothing but "fewer than N" is given: no figures, no trend, no comments, no words.
/// </summary>
public partial class FeedbackAnalysis(PortalDbContext db, SmallNumbers smallNumbers)
{
    /// <summary>Most frequent words are counted over this many of the latest matching comments.</summary>
    public const int WordSample = 2000;

    /// <summary>
    /// A filter leaving at most this many responses has their answers looked up by response id (a few thousand ids
    /// are one array parameter on PostgreSQL and well under SQLite's parameter limit). Tests lower it to compare paths.
    /// </summary>
    internal int NarrowFilter { get; init; } = 5000;

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "before", "being", "but", "by",
        "can", "could", "did", "do", "does", "doing", "for", "from", "had", "has", "have", "having", "he", "her", "here", "hers", "him",
        "his", "how", "i", "if", "in", "into", "is", "it", "its", "it's", "just", "me", "more", "most", "my", "no", "not", "of", "on",
        "one", "or", "our", "out", "over", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these",
        "they", "this", "those", "to", "too", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while",
        "who", "why", "will", "with", "would", "you", "your", "i'm", "i've", "don't", "really", "much", "many", "get", "got",
    };

    /// <summary>
    /// What a filter leaves, worked out once per instance (the service is scoped, so once per page request) and shared by
    /// the page's parts: the analysis, the latest comments, the comment count and the frequent words each needed the
    /// count and, for a narrow filter, the responses' ids, and each asked the database again.
    /// </summary>
    private readonly Dictionary<(int FormId, FeedbackFilter Filter), Selection> selections = [];

    private readonly Dictionary<int, List<FeedbackQuestion>> questionsByForm = [];

    public async Task<FeedbackReport> AnalyseAsync(int formId, FeedbackFilter filter, CancellationToken cancellationToken = default)
    {
        var questions = await QuestionsAsync(formId, cancellationToken);
        var selection = await SelectAsync(formId, filter, cancellationToken);
        var total = selection.Total;
        var threshold = smallNumbers.Threshold;
        if (selection.IsSuppressed(smallNumbers))
        {
            return new FeedbackReport(0, 0, 0, [], []) { IsSuppressed = true, Threshold = threshold };
        }

        var invited = filter.AgencyId is null && filter.DocumentId is null ? await Invitations(formId, filter).CountAsync(cancellationToken) : 0;
        var groups = await Answers(filter, selection, [.. questions.Select(q => q.Id)])
            .GroupBy(a => new { a.QuestionId, a.Number, a.After })
            .Select(g => new AnswerGroup(g.Key.QuestionId, g.Key.Number, g.Key.After, g.Count()))
            .ToListAsync(cancellationToken);

        int fromSessions;
        List<MonthCount> trend;
        if (selection.Rows is { } rows)
        {
            // A narrow filter's responses are in memory already: no more round trips for their counts and trend.
            fromSessions = rows.Count(r => r.FromSession);
            trend = [.. rows.GroupBy(r => { var uk = UkTime.FromUtc(r.SubmittedUtc); return (uk.Year, uk.Month); })
                .Select(g => new MonthCount(g.Key.Year, g.Key.Month, g.Count()))
                .OrderBy(m => m.Year).ThenBy(m => m.Month)];
        }
        else
        {
            var responses = Responses(formId, filter);
            fromSessions = await responses.CountAsync(r => r.SessionId != null, cancellationToken);
            var utcMonths = await responses
                .GroupBy(r => new { r.SubmittedUtc.Year, r.SubmittedUtc.Month })
                .Select(g => new MonthCount(g.Key.Year, g.Key.Month, g.Count()))
                .ToListAsync(cancellationToken);
            trend = await InUkMonthsAsync(responses, utcMonths, cancellationToken);
        }

        return new FeedbackReport(total, fromSessions, invited, Summarise(questions, groups), trend) { Threshold = threshold };
    }

    /// <summary>
    /// Moves counts by UTC month into UK months. UK time is UTC or one hour ahead, so a response is in a later UK
    /// month than its UTC month only in the last hour of a month that ends in BST (23:30 UTC on 31 March is 00:30
    /// on 1 April). Those few hours are counted with plain range comparisons, no date function per row, and moved on.
    /// </summary>
    private static async Task<List<MonthCount>> InUkMonthsAsync(IQueryable<FeedbackResponse> responses, List<MonthCount> utcMonths, CancellationToken cancellationToken)
    {
        var counts = utcMonths.ToDictionary(m => (m.Year, m.Month), m => m.Count);
        var lastHours = utcMonths
            .Select(m => new DateTime(m.Year, m.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1))
            .Select(end => (Start: end.AddHours(-1), End: end))
            .Where(h => UkTime.FromUtc(h.Start).Month != h.Start.Month)
            .ToList();
        if (lastHours.Count > 0)
        {
            var r = Expression.Parameter(typeof(FeedbackResponse), "r");
            var submitted = Expression.Property(r, nameof(FeedbackResponse.SubmittedUtc));
            var inAny = lastHours
                .Select(h => (Expression)Expression.AndAlso(
                    Expression.GreaterThanOrEqual(submitted, Expression.Constant(h.Start)),
                    Expression.LessThan(submitted, Expression.Constant(h.End))))
                .Aggregate(Expression.OrElse);
            var late = await responses.Where(Expression.Lambda<Func<FeedbackResponse, bool>>(inAny, r))
                .GroupBy(x => new { x.SubmittedUtc.Year, x.SubmittedUtc.Month })
                .Select(g => new MonthCount(g.Key.Year, g.Key.Month, g.Count()))
                .ToListAsync(cancellationToken);
            foreach (var moved in late)
            {
                var next = new DateTime(moved.Year, moved.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
                counts[(moved.Year, moved.Month)] -= moved.Count;
                counts[(next.Year, next.Month)] = counts.GetValueOrDefault((next.Year, next.Month)) + moved.Count;
            }
        }

        return [.. counts.Where(c => c.Value > 0).Select(c => new MonthCount(c.Key.Year, c.Key.Month, c.Value)).OrderBy(m => m.Year).ThenBy(m => m.Month)];
    }

    /// <summary>Free-text answers, newest first, optionally containing some text.</summary>
    public async Task<IReadOnlyList<Comment>> CommentsAsync(int formId, FeedbackFilter filter, string? search, int take, CancellationToken cancellationToken = default)
    {
        if (await IsSuppressedAsync(formId, filter, cancellationToken))
        {
            return [];
        }

        var anonymous = await db.FeedbackForms.Where(f => f.Id == formId).Select(f => f.IsAnonymous).FirstOrDefaultAsync(cancellationToken);
        var query = await CommentQueryAsync(formId, filter, search, cancellationToken);
        // The join to the response and question is made for the page of comments only.
        var latest = Latest(query).Take(take).Select(a => a.Id);
        var rows = await Latest(db.FeedbackAnswers.Where(a => latest.Contains(a.Id)))
            .Select(a => new { a.Question.Text, Answer = a.Text!, a.Response.SubmittedUtc, a.Response.AgencyId })
            .ToListAsync(cancellationToken);
        var agencies = await AgencyNamesAsync(cancellationToken);
        // Beside an anonymous comment neither agency nor date is given: with the words, they could name the person.
        return [.. rows.Select(r => anonymous
            ? new Comment(r.Text, r.Answer, null, null)
            : new Comment(r.Text, r.Answer, r.SubmittedUtc, r.AgencyId is { } id && agencies.TryGetValue(id, out var n) ? n : null))];
    }

    public async Task<int> CountCommentsAsync(int formId, FeedbackFilter filter, string? search, CancellationToken cancellationToken = default) =>
        await IsSuppressedAsync(formId, filter, cancellationToken) ? 0 : await (await CommentQueryAsync(formId, filter, search, cancellationToken)).CountAsync(cancellationToken);

    /// <summary>Whether the filter leaves so few responses (but some) that nothing may be shown about them.</summary>
    public async Task<bool> IsSuppressedAsync(int formId, FeedbackFilter filter, CancellationToken cancellationToken = default)
    {
        var selection = await SelectAsync(formId, filter, cancellationToken);
        return selection.IsSuppressed(smallNumbers);
    }

    /// <summary>
    /// The most frequent words in the latest <see cref="WordSample"/> matching comments, stop words left out.
    /// Splitting text into words has no portable SQL, so this one count is done in memory, over a bounded sample.
    /// </summary>
    public async Task<IReadOnlyList<Bar>> FrequentWordsAsync(int formId, FeedbackFilter filter, string? search, int take, CancellationToken cancellationToken = default)
    {
        if (await IsSuppressedAsync(formId, filter, cancellationToken))
        {
            return [];
        }

        var texts = await Latest(await CommentQueryAsync(formId, filter, search, cancellationToken)).Take(WordSample).Select(a => a.Text!).ToListAsync(cancellationToken);
        return CountWords(texts, take);
    }

    /// <summary>
    /// Counts words across texts, ignoring case and stop words. A word with digits in it stays whole ("GCP2", "0-19"
    /// is two words, "KS2" one) and keeps its commonest spelling; plain numbers are not words.
    /// </summary>
    public static IReadOnlyList<Bar> CountWords(IEnumerable<string> texts, int take)
    {
        return [.. texts
            .SelectMany(t => Word().Matches(t).Select(m => m.Value.Trim('\'')))
            .Where(w => (w.Length > 2 || w.Any(char.IsDigit)) && w.Any(char.IsLetter) && !StopWords.Contains(w))
            .GroupBy(w => w.ToLowerInvariant())
            .Select(g => new Bar(Label(g), g.Count()))
            .OrderByDescending(b => b.Count).ThenBy(b => b.Label, StringComparer.OrdinalIgnoreCase)
            .Take(take)];

        // Words with digits are usually names of things (GCP2) and keep their commonest spelling; others are shown in lower case.
        static string Label(IGrouping<string, string> spellings) =>
            spellings.Key.Any(char.IsDigit)
                ? spellings.GroupBy(w => w, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key
                : spellings.Key;
    }

    /// <summary>Evaluation emails sent and responses received for one session (any form).</summary>
    public async Task<(int Invited, int Responded)> SessionResponseRateAsync(int sessionId, CancellationToken cancellationToken = default) =>
        (await db.FeedbackInvitations.CountAsync(i => i.SessionId == sessionId, cancellationToken),
         await db.FeedbackResponses.CountAsync(r => r.SessionId == sessionId, cancellationToken));

    internal IQueryable<FeedbackResponse> Responses(int formId, FeedbackFilter filter)
    {
        var query = db.FeedbackResponses.Where(r => r.FormId == formId);
        if (filter.From is { } from)
        {
            var fromUtc = UkTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(r => r.SubmittedUtc >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var beforeUtc = UkTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(r => r.SubmittedUtc < beforeUtc);
        }

        if (filter.AgencyId is { } agency)
        {
            query = query.Where(r => r.AgencyId == agency);
        }

        if (filter.DocumentId is { } document)
        {
            query = query.Where(r => r.DocumentId == document);
        }

        if (filter.SessionId is { } session)
        {
            query = query.Where(r => r.SessionId == session);
        }

        return query;
    }

    /// <summary>
    /// The responses a filter leaves, once per instance. A filter that leaves at most <see cref="NarrowFilter"/> responses
    /// has them read (id, whether from a session, when) in one query, and everything about them is counted from that;
    /// a wider filter, or none, is counted in the database.
    /// </summary>
    private async Task<Selection> SelectAsync(int formId, FeedbackFilter filter, CancellationToken cancellationToken)
    {
        if (selections.TryGetValue((formId, filter), out var known))
        {
            return known;
        }

        Selection selection;
        var responses = Responses(formId, filter);
        if (filter.IsEmpty)
        {
            // Every response to the form: the answers need no ids (see Answers), so only the count is wanted here.
            selection = new Selection(formId, await responses.CountAsync(cancellationToken), null);
        }
        else
        {
            var rows = await responses.OrderBy(r => r.Id)
                .Select(r => new SelectedResponse(r.Id, r.SessionId != null, r.SubmittedUtc))
                .Take(NarrowFilter + 1)
                .ToListAsync(cancellationToken);
            selection = rows.Count <= NarrowFilter
                ? new Selection(formId, rows.Count, rows)
                : new Selection(formId, await responses.CountAsync(cancellationToken), null);
        }

        selections[(formId, filter)] = selection;
        return selection;
    }

    private async Task<List<FeedbackQuestion>> QuestionsAsync(int formId, CancellationToken cancellationToken)
    {
        if (!questionsByForm.TryGetValue(formId, out var questions))
        {
            questions = await db.FeedbackQuestions.AsNoTracking().Where(q => q.FormId == formId).ToListAsync(cancellationToken);
            questionsByForm[formId] = questions;
        }

        return questions;
    }

    /// <summary>
    /// The answers to some of the form's questions in the selected responses. A narrow filter's answers are looked up
    /// by response id (one array parameter on PostgreSQL, a JSON array on SQLite): given the join instead, both
    /// databases' planners start from the question index and read every answer to the form (EXPLAIN on PostgreSQL: a
    /// hash join over a sequential scan, 280 ms for one session of 100,000 responses).
    /// </summary>
    private IQueryable<FeedbackAnswer> Answers(FeedbackFilter filter, Selection selection, List<int> questionIds)
    {
        var answers = db.FeedbackAnswers.Where(a => questionIds.Contains(a.QuestionId));
        if (filter.IsEmpty)
        {
            // Every answer to the form's questions counts: no need to touch the responses table.
            return answers;
        }

        if (selection.Ids is { } ids)
        {
            return answers.Where(a => ids.Contains(a.ResponseId));
        }

        return from r in Responses(selection.FormId, filter)
               join a in answers on r.Id equals a.ResponseId
               select a;
    }

    private IQueryable<FeedbackInvitation> Invitations(int formId, FeedbackFilter filter)
    {
        var query = db.FeedbackInvitations.Where(i => i.FormId == formId);
        if (filter.SessionId is { } session)
        {
            query = query.Where(i => i.SessionId == session);
        }

        if (filter.From is { } from)
        {
            var fromUtc = UkTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(i => i.SentUtc >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var beforeUtc = UkTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(i => i.SentUtc < beforeUtc);
        }

        return query;
    }

    /// <summary>
    /// The answers to the form's text questions (an answer row to a text question always has text: a wording never
    /// changes type in place once answered, and empty answers are not stored).
    /// </summary>
    private async Task<IQueryable<FeedbackAnswer>> CommentQueryAsync(int formId, FeedbackFilter filter, string? search, CancellationToken cancellationToken)
    {
        var textQuestions = (await QuestionsAsync(formId, cancellationToken))
            .Where(q => q.Type is FeedbackQuestionType.ShortText or FeedbackQuestionType.LongText)
            .Select(q => q.Id).ToList();
        var query = Answers(filter, await SelectAsync(formId, filter, cancellationToken), textQuestions);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // StringComparison overloads do not translate to SQL; lower() on both sides does, on both providers.
            query = query.Where(a => a.Text!.ToLower().Contains(term));
#pragma warning restore CA1862
        }

        return query;
    }

    /// <summary>
    /// Latest first. Responses and answers are numbered as they arrive, and a response's answers are saved together,
    /// so this is the order of arrival. Ordering by the response first lets a filtered query walk the responses (or
    /// the answers' response index) backwards, where ordering by the answer's own id walked every answer to the form.
    /// </summary>
    private static IOrderedQueryable<FeedbackAnswer> Latest(IQueryable<FeedbackAnswer> answers) =>
        answers.OrderByDescending(a => a.ResponseId).ThenByDescending(a => a.Id);

    private async Task<Dictionary<int, string>> AgencyNamesAsync(CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);

    private sealed record AnswerGroup(int QuestionId, int? Number, int? After, int Count);

    /// <summary>One response a narrow filter leaves: what the counts and the trend need of it.</summary>
    private sealed record SelectedResponse(int Id, bool FromSession, DateTime SubmittedUtc);

    /// <summary>The responses a filter leaves: how many and, for a narrow filter, the responses themselves.</summary>
    private sealed record Selection(int FormId, int Total, List<SelectedResponse>? Rows)
    {
        public List<int>? Ids { get; } = Rows?.Select(r => r.Id).ToList();

        /// <summary>Some responses, but fewer than the small-numbers threshold: nothing may be shown about them.</summary>
        public bool IsSuppressed(SmallNumbers smallNumbers) => Total > 0 && smallNumbers.IsTooSmall(Total);
    }

    private static List<QuestionSummary> Summarise(List<FeedbackQuestion> questions, List<AnswerGroup> groups)
    {
        var byQuestion = groups.ToLookup(g => g.QuestionId);
        var summaries = new List<QuestionSummary>();
        var ordered = questions.GroupBy(q => q.Key)
            .Select(g => (Rows: g.OrderByDescending(q => q.RetiredUtc is null).ThenByDescending(q => q.CreatedUtc).ThenByDescending(q => q.Id).ToList(), Key: g.Key))
            .Where(g => g.Rows[0].RetiredUtc is null || g.Rows.Any(r => byQuestion[r.Id].Any()))
            .OrderBy(g => g.Rows[0].RetiredUtc is null ? 0 : 1).ThenBy(g => g.Rows[0].SortOrder);
        foreach (var (rows, key) in ordered)
        {
            var latest = rows[0];
            var earlier = rows.Skip(1).Select(r => r.Text).Where(t => t != latest.Text).Distinct().ToList();
            var rowGroups = rows.SelectMany(r => byQuestion[r.Id].Select(g => (Row: r, Group: g))).ToList();
            var answered = rowGroups.Sum(x => x.Group.Count);
            var summary = new QuestionSummary(key, latest.Type, latest.Text, latest.RetiredUtc is null, earlier, answered);
            if (FeedbackScales.IsText(latest.Type))
            {
                summaries.Add(summary);
                continue;
            }

            var labels = FeedbackScales.LabelsFor(latest);
            if (latest.Type is FeedbackQuestionType.SingleChoice or FeedbackQuestionType.MultipleChoice)
            {
                // Options are matched by their text across wordings: a reworded list keeps the counts of options that stayed.
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var label in labels)
                {
                    counts[label] = 0;
                }

                foreach (var (row, group) in rowGroups.Where(x => x.Group.Number is not null && x.Row.Type == latest.Type))
                {
                    var options = row.Options;
                    for (var i = 0; i < options.Count; i++)
                    {
                        var chosen = latest.Type == FeedbackQuestionType.SingleChoice ? group.Number == i : (group.Number!.Value & (1 << i)) != 0;
                        if (chosen)
                        {
                            counts[options[i]] = counts.GetValueOrDefault(options[i]) + group.Count;
                        }
                    }
                }

                summaries.Add(summary with { Distribution = [.. counts.Select(c => new Bar(c.Key, c.Value))] });
                continue;
            }

            var offset = latest.Type == FeedbackQuestionType.YesNo ? 0 : 1;
            var before = Histogram(rowGroups.Where(x => x.Row.Type == latest.Type).Select(x => (x.Group.Number, x.Group.Count)), labels.Count, offset);
            summary = summary with
            {
                Distribution = [.. labels.Select((l, i) => new Bar(l, before[i]))],
                Mean = FeedbackScales.IsScale(latest.Type) ? Mean(before, offset) : null,
                Median = FeedbackScales.IsScale(latest.Type) ? Median(before, offset) : null,
            };
            if (latest.Type == FeedbackQuestionType.ConfidencePair)
            {
                var pairs = rowGroups.Where(x => x.Row.Type == latest.Type && x.Group.Number is not null && x.Group.After is not null).Select(x => x.Group).ToList();
                var after = Histogram(rowGroups.Where(x => x.Row.Type == latest.Type).Select(x => (x.Group.After, x.Group.Count)), labels.Count, offset);
                var pairCount = pairs.Sum(p => p.Count);
                summary = summary with
                {
                    AfterDistribution = [.. labels.Select((l, i) => new Bar(l, after[i]))],
                    AfterMean = Mean(after, offset),
                    AfterMedian = Median(after, offset),
                    MeanShift = pairCount == 0 ? null : (double)pairs.Sum(p => (p.After!.Value - p.Number!.Value) * p.Count) / pairCount,
                    MoreConfident = pairs.Where(p => p.After > p.Number).Sum(p => p.Count),
                    NoChange = pairs.Where(p => p.After == p.Number).Sum(p => p.Count),
                    LessConfident = pairs.Where(p => p.After < p.Number).Sum(p => p.Count),
                };
            }

            summaries.Add(summary);
        }

        return summaries;
    }

    private static int[] Histogram(IEnumerable<(int? Value, int Count)> values, int size, int offset)
    {
        var counts = new int[size];
        foreach (var (value, count) in values)
        {
            if (value is { } v && v - offset >= 0 && v - offset < size)
            {
                counts[v - offset] += count;
            }
        }

        return counts;
    }

    private static double? Mean(int[] histogram, int offset)
    {
        var n = histogram.Sum();
        return n == 0 ? null : (double)histogram.Select((c, i) => (long)c * (i + offset)).Sum() / n;
    }

    /// <summary>The median of the values a histogram counts (the mean of the two middle values when the count is even).</summary>
    internal static double? Median(int[] histogram, int offset)
    {
        long n = histogram.Sum();
        if (n == 0)
        {
            return null;
        }

        double ValueAt(long position)
        {
            long seen = 0;
            for (var i = 0; i < histogram.Length; i++)
            {
                seen += histogram[i];
                if (position < seen)
                {
                    return i + offset;
                }
            }

            return histogram.Length - 1 + offset;
        }

        return n % 2 == 1 ? ValueAt(n / 2) : (ValueAt((n / 2) - 1) + ValueAt(n / 2)) / 2;
    }

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Word();
}
