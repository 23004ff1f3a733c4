using LearningPortal.Core.Feedback;
using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Impact;

/// <summary>Rebuilding the booking and feedback copies (the Training and Feedback sections), in the rebuild's transaction.</summary>
public partial class ImpactRebuild
{
    private async Task<int> RebuildBookingsAsync(CancellationToken cancellationToken)
    {
        await db.ImpactBookings.ExecuteDeleteAsync(cancellationToken);
        var sessions = await db.TrainingSessions.AsNoTracking()
            .Select(s => new { s.Id, s.CourseId, s.Course.Title, s.Course.LicensesGcp2, s.StartUtc, s.IsCancelled })
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var bookings = await db.Bookings.AsNoTracking()
            .Select(b => new { b.Id, b.SessionId, b.UserId, b.AgencyId, b.Status, Outcome = b.Attendance == null ? (AttendanceOutcome?)null : b.Attendance.Outcome })
            .ToListAsync(cancellationToken);
        var pending = 0;
        foreach (var group in bookings.GroupBy(b => b.SessionId))
        {
            var s = sessions[group.Key];
            await feed.RecordAsync(ImpactEventsFrom.Session(s.Id, s.CourseId, s.Title, s.LicensesGcp2, s.StartUtc,
                [.. group.Select(b => ImpactEventsFrom.Place(b.Id, b.UserId, b.AgencyId, b.Status, s.IsCancelled, b.Outcome))]), cancellationToken);
            if ((pending += group.Count()) >= BatchSize)
            {
                // The feed looks copies up among those tracked: saving a batch at a time keeps that short.
                await SaveBatchAsync(cancellationToken);
                pending = 0;
            }
        }

        return bookings.Count;
    }

    private async Task<int> RebuildFeedbackAsync(CancellationToken cancellationToken)
    {
        await db.ImpactFeedback.ExecuteDeleteAsync(cancellationToken);

        // Only the answers the copy takes (ratings and confidence pairs), never text.
        var answers = await db.FeedbackAnswers.AsNoTracking()
            .Where(a => a.Question.Type == FeedbackQuestionType.Rating || a.Question.Type == FeedbackQuestionType.ConfidencePair)
            .Select(a => new { a.ResponseId, a.Question.Type, a.Question.Text, a.Question.SortOrder, a.QuestionId, a.Number, a.After })
            .ToListAsync(cancellationToken);
        var byResponse = answers.ToLookup(a => a.ResponseId);
        var responses = await db.FeedbackResponses.AsNoTracking()
            .Select(r => new { r.Id, r.FormId, r.DocumentId, r.SessionId, r.AgencyId, r.SubmittedUtc })
            .ToListAsync(cancellationToken);
        var pending = 0;
        foreach (var r in responses)
        {
            await feed.RecordAsync(ImpactEventsFrom.Feedback(r.Id, r.FormId, r.DocumentId, r.SessionId, r.AgencyId, r.SubmittedUtc,
                [.. byResponse[r.Id].Select(a => new FeedbackFigure(a.Type, a.Text, a.SortOrder, a.QuestionId, a.Number, a.After))]), cancellationToken);
            if (++pending >= BatchSize)
            {
                await SaveBatchAsync(cancellationToken);
                pending = 0;
            }
        }

        return responses.Count;
    }
}

/// <summary>One answer as Impact's feedback copy reads it: the question's type, wording and place, and the numbers given.</summary>
public sealed record FeedbackFigure(FeedbackQuestionType Type, string Text, int SortOrder, int QuestionId, int? Number, int? After);

/// <summary>The booking and feedback events, built the same way by Training, Feedback and the rebuild.</summary>
public static partial class ImpactEventsFrom
{
    public static SessionBookings Session(int sessionId, int courseId, string courseTitle, bool licensesGcp2, DateTime startUtc, IReadOnlyList<BookingPlace> bookings) =>
        new(sessionId, courseId, courseTitle, licensesGcp2, startUtc, bookings);

    /// <summary>A booking holds a place when confirmed or awaiting approval on a session that was not cancelled.</summary>
    public static BookingPlace Place(int bookingId, string userId, int agencyId, BookingStatus status, bool sessionCancelled, AttendanceOutcome? outcome) =>
        new(bookingId, userId, agencyId,
            !sessionCancelled && status is BookingStatus.Confirmed or BookingStatus.PendingApproval,
            outcome is { } o ? Result(o) : null);

    /// <summary>
    /// A response's figures: usefulness is the form's rating question that asks how useful something was (its wording
    /// says "useful"), or else its first rating question (the starter course evaluation's overall rating); confidence is
    /// its first confidence pair answered in full.
    /// </summary>
    public static FeedbackGiven Feedback(int responseId, int formId, int? documentId, int? sessionId, int? agencyId, DateTime submittedUtc, IReadOnlyList<FeedbackFigure> answers)
    {
        var ratings = answers.Where(a => a.Type == FeedbackQuestionType.Rating && a.Number is >= 1 and <= 5).OrderBy(a => a.SortOrder).ThenBy(a => a.QuestionId).ToList();
        var useful = ratings.FirstOrDefault(a => a.Text.Contains("useful", StringComparison.OrdinalIgnoreCase)) ?? ratings.FirstOrDefault();
        var confidence = answers.Where(a => a.Type == FeedbackQuestionType.ConfidencePair && a.Number is not null && a.After is not null)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.QuestionId).FirstOrDefault();
        return new FeedbackGiven(responseId, formId, documentId, sessionId, agencyId, submittedUtc, useful?.Number, confidence?.Number, confidence?.After);
    }
}
