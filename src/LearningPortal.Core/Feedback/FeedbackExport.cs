using System.Globalization;
using LearningPortal.Core.Data;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Feedback;

/// <summary>
/// Writes a form's responses as CSV, one row per response and one column per question (two for a confidence
/// pair), answers to earlier wordings under their question's column. Anonymous forms: no person column, and
/// the submission date without the time, so that a response cannot be matched to a moment someone was seen online.
/// </summary>
public class FeedbackExport(PortalDbContext db, FeedbackAnalysis analysis)
{
    private const int Batch = 2000;

    public async Task WriteCsvAsync(FeedbackForm form, FeedbackFilter filter, TextWriter output, CancellationToken cancellationToken = default)
    {
        var questions = await db.FeedbackQuestions.AsNoTracking().Where(q => q.FormId == form.Id).ToListAsync(cancellationToken);
        var columns = questions.GroupBy(q => q.Key)
            .Select(g => g.OrderByDescending(q => q.RetiredUtc is null).ThenByDescending(q => q.Id).First())
            .OrderBy(q => q.RetiredUtc is null ? 0 : 1).ThenBy(q => q.SortOrder).ToList();
        var byId = questions.ToDictionary(q => q.Id);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var emails = new Dictionary<string, string>();

        var csv = new CsvLine(output);
        csv.WriteField("Response");
        csv.WriteField(form.IsAnonymous ? "Month given" : "Submitted (UK time)");
        csv.WriteField("Agency");
        csv.WriteField("Briefing id");
        csv.WriteField("Session id");
        if (!form.IsAnonymous)
        {
            csv.WriteField("Email");
        }

        foreach (var c in columns)
        {
            if (c.Type == FeedbackQuestionType.ConfidencePair)
            {
                csv.WriteField(c.Text + " (before)");
                csv.WriteField(c.Text + " (after)");
            }
            else
            {
                csv.WriteField(c.Text);
            }
        }

        await csv.EndAsync();

        // Anonymous answers from fewer people than the small-numbers threshold could be traced back: none are given.
        if (form.IsAnonymous && await analysis.IsSuppressedAsync(form.Id, filter, cancellationToken))
        {
            return;
        }

        var lastId = 0;
        var responses = analysis.Responses(form.Id, filter);
        while (true)
        {
            var batch = await responses.AsNoTracking().Where(r => r.Id > lastId).OrderBy(r => r.Id).Take(Batch)
                .Include(r => r.Answers).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            if (!form.IsAnonymous)
            {
                var ids = batch.Select(r => r.UserId).OfType<string>().Where(id => !emails.ContainsKey(id)).Distinct().ToList();
                foreach (var u in await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken))
                {
                    emails[u.Id] = u.Email ?? "";
                }
            }

            foreach (var r in batch)
            {
                csv.WriteField(r.Id.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(form.IsAnonymous ? UkTime.FromUtc(r.SubmittedUtc).ToString("yyyy-MM", CultureInfo.InvariantCulture) : UkTime.FromUtc(r.SubmittedUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
                csv.WriteField(r.AgencyId is { } a && agencies.TryGetValue(a, out var name) ? name : "");
                csv.WriteField(r.DocumentId?.ToString(CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(r.SessionId?.ToString(CultureInfo.InvariantCulture) ?? "");
                if (!form.IsAnonymous)
                {
                    csv.WriteField(r.UserId is { } u && emails.TryGetValue(u, out var email) ? email : "");
                }

                var answers = r.Answers.Where(x => byId.ContainsKey(x.QuestionId)).ToDictionary(x => byId[x.QuestionId].Key);
                foreach (var c in columns)
                {
                    answers.TryGetValue(c.Key, out var answer);
                    var row = answer is null ? null : byId[answer.QuestionId];
                    if (c.Type == FeedbackQuestionType.ConfidencePair)
                    {
                        csv.WriteField(answer?.Number?.ToString(CultureInfo.InvariantCulture) ?? "");
                        csv.WriteField(answer?.After?.ToString(CultureInfo.InvariantCulture) ?? "");
                    }
                    else
                    {
                        csv.WriteField(answer is null || row is null ? "" : Describe(row, answer));
                    }
                }

                await csv.EndAsync();
            }

            lastId = batch[^1].Id;
        }
    }

    /// <summary>An answer as readers see it, against the wording it answered.</summary>
    public static string Describe(FeedbackQuestion question, FeedbackAnswer answer)
    {
        var labels = FeedbackScales.LabelsFor(question);
        return question.Type switch
        {
            FeedbackQuestionType.ShortText or FeedbackQuestionType.LongText => answer.Text ?? "",
            FeedbackQuestionType.MultipleChoice => string.Join("; ", labels.Where((_, i) => ((answer.Number ?? 0) & (1 << i)) != 0)),
            FeedbackQuestionType.SingleChoice or FeedbackQuestionType.YesNo => answer.Number is { } n && n >= 0 && n < labels.Count ? labels[n] : "",
            FeedbackQuestionType.ConfidencePair => $"before {answer.Number}, after {answer.After}",
            _ => answer.Number is { } s && s >= 1 && s <= labels.Count ? labels[s - 1] : "",
        };
    }

    /// <summary>One CSV record at a time (RFC 4180 quoting; cells that a spreadsheet would run as a formula are escaped).</summary>
    private sealed class CsvLine(TextWriter output)
    {
        private readonly List<string> cells = [];

        public void WriteField(string value)
        {
            if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                value = "'" + value;
            }

            cells.Add(value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value);
        }

        public async Task EndAsync()
        {
            await output.WriteAsync(string.Join(',', cells) + "\r\n");
            cells.Clear();
        }
    }
}
