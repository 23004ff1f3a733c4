using System.Globalization;
using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Feedback;

/// <summary>What a stored submission came to (a refusal is an <see cref="Outcome"/>'s: invalid answers, or the form not open).</summary>
public enum Submission
{
    Saved,

    /// <summary>The token was spent already (a second answer, or a double click): nothing new was stored.</summary>
    AlreadyAnswered,
}

/// <summary>
/// Checks answers against the form's current questions and stores a response once per token. Answers come as
/// posted form values: <c>q{questionId}</c> (one or more values) and <c>q{questionId}-after</c> for a confidence pair.
/// A stored response is copied to Impact (<see cref="Impact.FeedbackGiven"/>) in the same transaction.
/// </summary>
public class FeedbackAnswering(PortalDbContext db, FeedbackTokens tokens, Impact.ImpactFeed impact, TimeProvider clock)
{
    /// <summary>What a person is told when the form is a draft, closed, or outside its dates.</summary>
    public const string NotOpenMessage = "This form is not taking answers at the moment. Thank you for wanting to give feedback.";

    public const int ShortTextMax = 200;
    public const int LongTextMax = 4000;

    public static string FieldFor(FeedbackQuestion question) => "q" + question.Id.ToString(CultureInfo.InvariantCulture);

    public static string AfterFieldFor(FeedbackQuestion question) => FieldFor(question) + "-after";

    /// <summary>Parses and checks the answers; returns the answers to store, or the errors in question order.</summary>
    public static (List<FeedbackAnswer> Answers, List<FieldError> Errors) Check(IEnumerable<FeedbackQuestion> questions, IReadOnlyDictionary<string, string[]> values)
    {
        var answers = new List<FeedbackAnswer>();
        var errors = new List<FieldError>();
        foreach (var q in questions)
        {
            var field = FieldFor(q);
            var given = (values.TryGetValue(field, out var v) ? v : []).Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()).ToArray();
            var answer = new FeedbackAnswer { QuestionId = q.Id, Question = q };
            string? error = null;
            string? afterError = null;
            switch (q.Type)
            {
                case FeedbackQuestionType.Rating or FeedbackQuestionType.Agreement:
                    error = Scale(given, 1, 5, q.IsRequired, out var scale, "Select an answer to: " + q.Text);
                    answer.Number = scale;
                    break;
                case FeedbackQuestionType.YesNo:
                    error = Scale(given, 0, 1, q.IsRequired, out var yes, "Select yes or no for: " + q.Text);
                    answer.Number = yes;
                    break;
                case FeedbackQuestionType.SingleChoice:
                    error = Scale(given, 0, q.Options.Count - 1, q.IsRequired, out var choice, "Select an answer to: " + q.Text);
                    answer.Number = choice;
                    break;
                case FeedbackQuestionType.MultipleChoice:
                    var mask = 0;
                    foreach (var g in given.Distinct())
                    {
                        if (!int.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= q.Options.Count || i > 30)
                        {
                            error = "Select options from the list for: " + q.Text;
                            break;
                        }

                        mask |= 1 << i;
                    }

                    if (error is null && mask == 0 && q.IsRequired)
                    {
                        error = "Select at least one option for: " + q.Text;
                    }

                    answer.Number = mask == 0 ? null : mask;
                    break;
                case FeedbackQuestionType.ShortText or FeedbackQuestionType.LongText:
                    var max = q.Type == FeedbackQuestionType.ShortText ? ShortTextMax : LongTextMax;
                    var text = given.Length == 0 ? null : given[0];
                    if (text is null && q.IsRequired)
                    {
                        error = "Enter an answer to: " + q.Text;
                    }
                    else if (text is not null && text.Length > max)
                    {
                        error = $"Answer must be {max.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer: {q.Text}";
                    }

                    answer.Text = text;
                    break;
                case FeedbackQuestionType.ConfidencePair:
                    error = Scale(given, 1, 5, q.IsRequired, out var before, "Select how confident you were before: " + q.Text);
                    var afterGiven = (values.TryGetValue(AfterFieldFor(q), out var a) ? a : []).Where(x => !string.IsNullOrWhiteSpace(x)).ToArray();
                    afterError = Scale(afterGiven, 1, 5, q.IsRequired, out var after, "Select how confident you are now: " + q.Text);
                    if (error is null && afterError is null && (before is null) != (after is null))
                    {
                        // Half a pair cannot show a shift: ask for the missing half.
                        afterError = before is null ? null : "Select how confident you are now: " + q.Text;
                        error = before is null ? "Select how confident you were before: " + q.Text : null;
                    }

                    answer.Number = before;
                    answer.After = after;
                    break;
            }

            if (error is not null)
            {
                errors.Add(new FieldError(field, error));
            }

            if (afterError is not null)
            {
                errors.Add(new FieldError(AfterFieldFor(q), afterError));
            }

            if (answer.Number is not null || answer.After is not null || answer.Text is not null)
            {
                answers.Add(answer);
            }
        }

        return (answers, errors);
    }

    private static string? Scale(string[] given, int min, int max, bool required, out int? value, string requiredMessage)
    {
        value = null;
        if (given.Length == 0)
        {
            return required ? requiredMessage : null;
        }

        if (given.Length > 1 || !int.TryParse(given[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            return "Select an answer from the list";
        }

        value = n;
        return null;
    }

    /// <summary>The first moment of the UK calendar month that contains <paramref name="utc"/>, in UTC.</summary>
    public static DateTime UkMonthStartUtc(DateTime utc)
    {
        var uk = Time.UkTime.FromUtc(utc);
        return Time.UkTime.ToUtc(new DateTime(uk.Year, uk.Month, 1, 0, 0, 0, DateTimeKind.Unspecified));
    }

    /// <summary>Whether the ticket's person has answered in that place already.</summary>
    public async Task<bool> HasAnsweredAsync(FeedbackTicket ticket, CancellationToken cancellationToken = default)
    {
        var marker = await tokens.MarkerAsync(ticket, cancellationToken);
        return await db.FeedbackSpentTokens.AnyAsync(t => t.Marker == marker, cancellationToken);
    }

    /// <summary>
    /// Stores the response and spends the token in one transaction. A token spent already, including by a
    /// request racing this one, stores nothing and reports <see cref="Submission.AlreadyAnswered"/>.
    /// </summary>
    public async Task<Outcome<Submission>> SubmitAsync(FeedbackForm form, FeedbackTicket ticket, IReadOnlyDictionary<string, string[]> values, int? agencyId, CancellationToken cancellationToken = default)
    {
        if (ticket.FormId != form.Id)
        {
            throw new ArgumentException("The ticket is for another form.", nameof(ticket));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!form.IsAcceptingAnswers(now))
        {
            return Outcome.NotAllowed<Submission>(NotOpenMessage);
        }

        var marker = await tokens.MarkerAsync(ticket, cancellationToken);
        if (await db.FeedbackSpentTokens.AnyAsync(t => t.Marker == marker, cancellationToken))
        {
            return Outcome.Success(Submission.AlreadyAnswered);
        }

        var (answers, errors) = Check(form.CurrentQuestions, values);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<Submission>(errors);
        }

        // Impact's copy takes the numbers only, read while each answer still knows its question.
        var figures = answers.Select(a => new Impact.FeedbackFigure(a.Question.Type, a.Question.Text, a.Question.SortOrder, a.QuestionId, a.Number, a.After)).ToList();
        foreach (var answer in answers)
        {
            answer.Question = null!;
        }

        db.FeedbackSpentTokens.Add(new FeedbackSpentToken { Marker = marker });
        var response = new FeedbackResponse
        {
            FormId = form.Id,
            DocumentId = ticket.Place.DocumentId,
            SessionId = ticket.Place.SessionId,
            // An anonymous response is linked to an agency only if the person chose to answer the form's agency question.
            AgencyId = form.IsAnonymous && !form.AsksAgency ? null : agencyId,

            // An anonymous response keeps only the UK month it was given: an exact time could pick someone out.
            SubmittedUtc = form.IsAnonymous ? UkMonthStartUtc(now) : now,
            UserId = form.IsAnonymous ? null : ticket.UserId,
            Answers = answers,
        };
        db.FeedbackResponses.Add(response);

        // One transaction: the marker, the response and Impact's copy (which needs the response's id) are stored
        // together or not at all. A caller's transaction, if any, is used instead.
        var transaction = db.Database.CurrentTransaction is null ? await db.BeginWriteTransactionAsync(cancellationToken) : null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await impact.RecordAsync(Impact.ImpactEventsFrom.Feedback(response.Id, response.FormId, response.DocumentId, response.SessionId,
                response.AgencyId, response.SubmittedUtc, figures), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return Outcome.Success(Submission.Saved);
        }
        catch (DbUpdateException)
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
                await transaction.DisposeAsync();
                transaction = null;
            }

            db.ChangeTracker.Clear();
            if (await db.FeedbackSpentTokens.AnyAsync(t => t.Marker == marker, cancellationToken))
            {
                return Outcome.Success(Submission.AlreadyAnswered);
            }

            throw;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }
}
