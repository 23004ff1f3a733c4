using LearningPortal.Core.Auditing;
using System.Data.Common;
using LearningPortal.Benchmarks.Shared;
using LearningPortal.Core.Accounts;
using LearningPortal.Core.Data;
using LearningPortal.Core.Feedback;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace LearningPortal.Benchmarks.Feedback;

/// <summary>
/// One form with a question of every type and N responses spread over two years, ten agencies, 20 briefings and
/// 50 sessions. Rows go in through the driver's bulk path (a prepared insert in one SQLite transaction, binary
/// COPY on PostgreSQL): seeding through EF would take minutes and is not what is measured.
/// </summary>
internal static class ResponseSeeder
{
    private static readonly string[] Words =
    [
        "neglect", "home", "conditions", "supervision", "voice", "child", "screening", "tool", "case", "studies", "useful",
        "confidence", "escalation", "drift", "delay", "chronology", "health", "school", "visits", "plan", "practice", "team",
    ];

    public static async Task<int> SeedAsync(BenchmarkDatabase database, int responses)
    {
        int formId;
        List<FeedbackQuestion> questions;
        List<int> agencies;
        using (var scope = database.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            for (var i = 0; i < 10; i++)
            {
                db.Agencies.Add(new Agency { Name = $"Agency {i + 1}", SortOrder = i });
            }

            await db.SaveChangesAsync();
            agencies = await db.Agencies.Select(a => a.Id).ToListAsync();
            var forms = scope.ServiceProvider.GetRequiredService<FeedbackForms>();
            var created = await forms.CreateAsync(new FormDetails("Course evaluation", "course-evaluation", true, ""), new Actor("bench", "Benchmark"));
            formId = created.Value;
            foreach (var draft in new QuestionDraft[]
            {
                new(FeedbackQuestionType.Rating, "Overall, how would you rate the session?", "", true, []),
                new(FeedbackQuestionType.Agreement, "The trainer was knowledgeable", "", true, []),
                new(FeedbackQuestionType.SingleChoice, "How will you use it?", "", true, ["On my own", "In supervision", "In a team meeting", "Not at all"]),
                new(FeedbackQuestionType.MultipleChoice, "Which parts helped?", "", false, ["Presentations", "Case studies", "Discussion", "Tools"]),
                new(FeedbackQuestionType.YesNo, "Were the objectives met?", "", true, []),
                new(FeedbackQuestionType.ShortText, "One thing you will do", "", false, []),
                new(FeedbackQuestionType.LongText, "Any other comments", "", false, []),
                new(FeedbackQuestionType.ConfidencePair, "How confident are you in recognising neglect?", "", true, []),
            })
            {
                await forms.AddQuestionAsync(formId, draft, new Actor("bench", "Benchmark"));
            }

            questions = [.. (await forms.FindAsync(formId))!.CurrentQuestions];
        }

        var random = new Random(42);
        var start = DateTime.UtcNow.AddMonths(-24);
        var responseRows = new List<object?[]>(responses);
        var answerRows = new List<object?[]>(responses * questions.Count);
        for (var id = 1; id <= responses; id++)
        {
            var fromSession = random.Next(2) == 0;
            responseRows.Add([id, formId, fromSession ? null : random.Next(1, 21), fromSession ? random.Next(1, 51) : null,
                agencies[random.Next(agencies.Count)], start.AddMinutes(random.Next(24 * 30 * 24 * 60))]);
            foreach (var q in questions)
            {
                int? number = null, after = null;
                string? text = null;
                switch (q.Type)
                {
                    case FeedbackQuestionType.Rating or FeedbackQuestionType.Agreement:
                        number = random.Next(1, 6);
                        break;
                    case FeedbackQuestionType.SingleChoice:
                        number = random.Next(4);
                        break;
                    case FeedbackQuestionType.MultipleChoice:
                        number = random.Next(16);
                        break;
                    case FeedbackQuestionType.YesNo:
                        number = random.Next(2);
                        break;
                    case FeedbackQuestionType.ConfidencePair:
                        number = random.Next(1, 5);
                        after = Math.Min(5, number.Value + random.Next(0, 3));
                        break;
                    default:
                        if (random.Next(100) < (q.Type == FeedbackQuestionType.ShortText ? 30 : 20))
                        {
                            text = string.Join(' ', Enumerable.Range(0, random.Next(4, 16)).Select(_ => Words[random.Next(Words.Length)]));
                        }

                        break;
                }

                if (number is not null || text is not null)
                {
                    answerRows.Add([id, q.Id, number, after, text]);
                }
            }
        }

        if (database.IsPostgres)
        {
            await CopyAsync(database.ConnectionString, responseRows, answerRows);
        }
        else
        {
            await InsertAsync(database.ConnectionString, responseRows, answerRows);
        }

        return formId;
    }

    private static async Task InsertAsync(string connectionString, List<object?[]> responses, List<object?[]> answers)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await RunAsync(connection, transaction, "INSERT INTO FeedbackResponses (Id, FormId, DocumentId, SessionId, AgencyId, SubmittedUtc, UserId) VALUES ($0, $1, $2, $3, $4, $5, NULL)", responses);
        await RunAsync(connection, transaction, "INSERT INTO FeedbackAnswers (ResponseId, QuestionId, Number, After, Text) VALUES ($0, $1, $2, $3, $4)", answers);
        await transaction.CommitAsync();
        await using var analyse = connection.CreateCommand();
        analyse.CommandText = "ANALYZE;";
        await analyse.ExecuteNonQueryAsync();
    }

    private static async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, List<object?[]> rows)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameters = Enumerable.Range(0, rows[0].Length).Select(i => command.CreateParameter()).ToArray();
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].ParameterName = "$" + i;
            command.Parameters.Add(parameters[i]);
        }

        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] is DateTime d ? d.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : row[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task CopyAsync(string connectionString, List<object?[]> responses, List<object?[]> answers)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var writer = await connection.BeginBinaryImportAsync("COPY \"FeedbackResponses\" (\"Id\", \"FormId\", \"DocumentId\", \"SessionId\", \"AgencyId\", \"SubmittedUtc\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in responses)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync((int)r[0]!, NpgsqlDbType.Integer);
                await writer.WriteAsync((int)r[1]!, NpgsqlDbType.Integer);
                await WriteNullableAsync(writer, (int?)r[2]);
                await WriteNullableAsync(writer, (int?)r[3]);
                await writer.WriteAsync((int)r[4]!, NpgsqlDbType.Integer);
                await writer.WriteAsync((DateTime)r[5]!, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY \"FeedbackAnswers\" (\"ResponseId\", \"QuestionId\", \"Number\", \"After\", \"Text\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var a in answers)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync((int)a[0]!, NpgsqlDbType.Integer);
                await writer.WriteAsync((int)a[1]!, NpgsqlDbType.Integer);
                await WriteNullableAsync(writer, (int?)a[2]);
                await WriteNullableAsync(writer, (int?)a[3]);
                if (a[4] is string s)
                {
                    await writer.WriteAsync(s, NpgsqlDbType.Varchar);
                }
                else
                {
                    await writer.WriteNullAsync();
                }
            }

            await writer.CompleteAsync();
        }

        await using var sequence = new NpgsqlCommand("SELECT setval(pg_get_serial_sequence('\"FeedbackResponses\"', 'Id'), (SELECT MAX(\"Id\") FROM \"FeedbackResponses\"))", connection);
        await sequence.ExecuteNonQueryAsync();

        // What autovacuum does soon after a bulk load in production: statistics and the visibility map (index-only scans).
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection);
        await vacuum.ExecuteNonQueryAsync();
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, int? value)
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, NpgsqlDbType.Integer);
        }
        else
        {
            await writer.WriteNullAsync();
        }
    }
}
