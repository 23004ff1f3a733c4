using System.Text;
using LearningPortal.Core.Data;
using LearningPortal.Core.Email;
using LearningPortal.Core.Notifications;
using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Feedback;

/// <summary>
/// When a person is marked as attending a session, emails them (through the outbox) a personal link to the
/// course's evaluation form: the one chosen on the course, otherwise the default evaluation form.
/// Sent once per person per session, however often the register is corrected.
/// </summary>
public class FeedbackInvitations(
    PortalDbContext db,
    EmailOutbox outbox,
    FeedbackTokens tokens,
    ISiteAddress site,
    IOptionsMonitor<FeedbackOptions> options,
    TimeProvider clock) : INotificationHandler<SessionAttended>
{
    public async Task HandleAsync(SessionAttended notification, CancellationToken cancellationToken)
    {
        var defaultSlug = options.CurrentValue.CourseEvaluationForm;
        var chosen = await db.Courses.Where(c => c.Id == notification.CourseId).Select(c => c.EvaluationFormId).FirstOrDefaultAsync(cancellationToken);
        var form = (chosen is { } formId ? await db.FeedbackForms.AsNoTracking().FirstOrDefaultAsync(f => f.Id == formId, cancellationToken) : null)
            ?? await db.FeedbackForms.AsNoTracking().FirstOrDefaultAsync(f => f.Slug == defaultSlug, cancellationToken);
        var booking = await db.Bookings.AsNoTracking().Include(b => b.Session).ThenInclude(s => s.Course)
            .FirstOrDefaultAsync(b => b.Id == notification.BookingId, cancellationToken);
        if (form is null || booking is null
            || await db.FeedbackInvitations.AnyAsync(i => i.SessionId == notification.SessionId && i.UserId == notification.UserId, cancellationToken))
        {
            return;
        }

        var token = tokens.Issue(new FeedbackTicket(form.Id, FeedbackPlace.Session(notification.SessionId), notification.UserId));
        var link = new Uri(site.BaseUri, $"feedback/{form.Slug}?token={Uri.EscapeDataString(token)}").ToString();
        var course = booking.Session.Course.Title;
        var text = new StringBuilder()
            .AppendLine($"Dear {booking.AttendeeName},").AppendLine()
            .AppendLine($"Thank you for attending {course} on {Time.UkTime.FormatDate(booking.Session.StartUtc)}.").AppendLine()
            .AppendLine("Please tell us what you thought of the session. It takes about 5 minutes" + (form.IsAnonymous ? " and your answers are anonymous." : "."))
            .AppendLine()
            .AppendLine("Give your feedback:").AppendLine(link).AppendLine()
            .AppendLine("This link is personal to you: please do not forward it.").ToString();
        db.FeedbackInvitations.Add(new FeedbackInvitation { FormId = form.Id, SessionId = notification.SessionId, UserId = notification.UserId, SentUtc = clock.GetUtcNow().UtcDateTime });
        outbox.Queue(booking.AttendeeEmail, booking.AttendeeName, $"Tell us what you thought of {course}", text);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.FeedbackInvitations.AsNoTracking().AnyAsync(i => i.SessionId == notification.SessionId && i.UserId == notification.UserId, cancellationToken))
            {
                throw;
            }

            // Another instance asked them at the same moment: one email is enough.
        }
    }
}
