using System.Text;
using LearningPortal.Core.Email;
using LearningPortal.Core.Time;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Training;

/// <summary>
/// Writes the training module's emails into the outbox (they are sent only if the caller's change is
/// saved). Plain text in GOV.UK Notify style; booking emails carry a calendar invitation.
/// </summary>
public class TrainingEmails(
    EmailOutbox outbox,
    IOptionsMonitor<EmailOptions> email,
    IOptionsMonitor<TrainingOptions> training,
    ISiteAddress site,
    TimeProvider clock)
{
    /// <summary>A confirmed place, with the invitation.</summary>
    public void PlaceConfirmed(Booking booking, TrainingSession session, bool fromWaitingList)
    {
        var intro = fromWaitingList
            ? $"A place has become available and it is yours: you were first on the waiting list for {session.Course.Title}."
            : $"Your place on {session.Course.Title} is confirmed.";
        var subject = fromWaitingList
            ? $"You have a place from the waiting list: {session.Course.Title}"
            : $"Booking confirmed: {session.Course.Title}";
        Send(booking, subject, Body(booking, intro, Details(session, withJoiningLink: true), ManageLine(booking)), Request(booking, session));
    }

    /// <summary>A place held until the line manager approves.</summary>
    public void PlaceAwaitingApproval(Booking booking, TrainingSession session, bool fromWaitingList)
    {
        var intro = (fromWaitingList ? $"A place has become available on {session.Course.Title}. " : $"We have received your booking for {session.Course.Title}. ")
            + $"This course needs your line manager's approval: we have emailed {booking.LineManagerName}. Your place is held until they answer.";
        Send(booking, $"Waiting for your line manager's approval: {session.Course.Title}", Body(booking, intro, Details(session, withJoiningLink: false), ManageLine(booking)));
    }

    public void Waitlisted(Booking booking, TrainingSession session, int position)
    {
        var intro = $"{session.Course.Title} is full, so you are on the waiting list. You are number {position}. "
            + "If a place becomes available, the first person on the list gets it automatically and we will email you.";
        Send(booking, $"You are on the waiting list: {session.Course.Title}", Body(booking, intro, Details(session, withJoiningLink: false), ManageLine(booking)));
    }

    public void ApprovalRequested(ApprovalRequest request, Booking booking, TrainingSession session, string token)
    {
        var link = Link($"/training/approval/{token}");
        var text = new StringBuilder()
            .AppendLine($"Dear {request.ManagerName},").AppendLine()
            .AppendLine($"{booking.AttendeeName} ({booking.JobRole}) has asked to attend {session.Course.Title} and named you as their line manager.").AppendLine()
            .AppendLine(Details(session, withJoiningLink: false)).AppendLine()
            .AppendLine("Approve or decline the booking:").AppendLine(link).AppendLine()
            .AppendLine($"The link works until {UkTime.Format(request.ExpiresUtc)}. If you do not answer by then, the place goes to the next person.")
            .AppendLine().AppendLine("You do not need an account to answer.").ToString();
        outbox.Queue(request.ManagerEmail, request.ManagerName, $"Approve a training booking for {booking.AttendeeName}", text);
    }

    public void ApprovalDeclined(Booking booking, TrainingSession session, string? reason)
    {
        var intro = $"{booking.LineManagerName} did not approve your booking for {session.Course.Title}, so the place has gone to someone else."
            + (string.IsNullOrWhiteSpace(reason) ? "" : $"\n\nTheir reason: {reason}");
        Send(booking, $"Booking not approved: {session.Course.Title}", Body(booking, intro, Details(session, withJoiningLink: false), ""));
    }

    public void ApprovalExpired(Booking booking, TrainingSession session)
    {
        var intro = $"Your line manager did not approve your booking for {session.Course.Title} in time, so the place has gone to someone else. You can book again if places are left.";
        Send(booking, $"Booking request expired: {session.Course.Title}", Body(booking, intro, Details(session, withJoiningLink: false), ""));
    }

    /// <summary>The person cancelled (or partnership staff cancelled for them).</summary>
    public void BookingCancelled(Booking booking, TrainingSession session, bool hadPlace, bool hadInvitation)
    {
        var intro = hadPlace
            ? $"Your place on {session.Course.Title} has been cancelled."
            : $"You have left the waiting list for {session.Course.Title}.";
        Send(booking, $"Booking cancelled: {session.Course.Title}", Body(booking, intro, Details(session, withJoiningLink: false), ""),
            hadInvitation ? Cancel(booking, session) : null);
    }

    /// <summary>The session's time or place changed: an updated invitation replaces the old one.</summary>
    public void SessionChanged(Booking booking, TrainingSession session)
    {
        var intro = $"The details of {session.Course.Title} have changed. The new details are below, and the calendar invitation attached replaces the old one.";
        var confirmed = booking.Status == BookingStatus.Confirmed;
        Send(booking, $"Session changed: {session.Course.Title}", Body(booking, intro, Details(session, withJoiningLink: confirmed), ManageLine(booking)),
            confirmed ? Request(booking, session) : null);
    }

    public void SessionCancelled(Booking booking, TrainingSession session)
    {
        var intro = $"We are sorry: the session of {session.Course.Title} below has been cancelled."
            + (string.IsNullOrWhiteSpace(session.CancellationReason) ? "" : $"\n\n{session.CancellationReason}")
            + "\n\nLook for other dates on the training pages.";
        Send(booking, $"Session cancelled: {session.Course.Title}", Body(booking, intro, Details(session, withJoiningLink: false), Link("/training")),
            booking.Status == BookingStatus.Confirmed ? Cancel(booking, session) : null);
    }

    public void Reminder(Booking booking, TrainingSession session)
    {
        var intro = $"This is a reminder that you have a place on {session.Course.Title}.";
        Send(booking, $"Reminder: {session.Course.Title} on {UkTime.FormatDate(session.StartUtc)}", Body(booking, intro, Details(session, withJoiningLink: true), ManageLine(booking)));
    }

    public void ThankYou(Booking booking, TrainingSession session, bool certificate)
    {
        var intro = $"Thank you for attending {session.Course.Title}."
            + (certificate ? $"\n\nYour certificate is ready to view and print:\n{Link($"/training/my/{booking.Id}/certificate")}" : "")
            + "\n\nWe will ask you for feedback on the session: it helps the partnership show the difference training makes.";
        Send(booking, $"Thank you for attending {session.Course.Title}", Body(booking, intro, "", ""));
    }

    public void Gcp2RefresherDue(Gcp2RegisterEntry entry, string toAddress)
    {
        var text = new StringBuilder()
            .AppendLine($"Dear {entry.PractitionerName},").AppendLine()
            .AppendLine($"You were trained to use the Graded Care Profile 2 (GCP2) on {UkTime.FormatDate(entry.TrainedOnUtc)}.")
            .AppendLine($"Your refresher training is due by {UkTime.FormatDate(entry.RefresherDueUtc)}.").AppendLine()
            .AppendLine("Book a refresher session:").AppendLine(Link("/training")).ToString();
        outbox.Queue(toAddress, entry.PractitionerName, "Your GCP2 refresher training is due", text);
    }

    private EmailAttachment Request(Booking booking, TrainingSession session) =>
        CalendarInvitation.Request(booking, session, email.CurrentValue.FromAddress, email.CurrentValue.FromName,
            Details(session, withJoiningLink: true), clock.GetUtcNow().UtcDateTime);

    private EmailAttachment Cancel(Booking booking, TrainingSession session) =>
        CalendarInvitation.Cancel(booking, session, email.CurrentValue.FromAddress, email.CurrentValue.FromName,
            Details(session, withJoiningLink: false), clock.GetUtcNow().UtcDateTime);

    private void Send(Booking booking, string subject, string text, EmailAttachment? attachment = null) =>
        outbox.Queue(booking.AttendeeEmail, booking.AttendeeName, subject, text, null, attachment);

    private string Body(Booking booking, string intro, string details, string manage)
    {
        var text = new StringBuilder().AppendLine($"Dear {booking.AttendeeName},").AppendLine().AppendLine(intro).AppendLine();
        if (details.Length > 0)
        {
            text.AppendLine(details).AppendLine();
        }

        if (manage.Length > 0)
        {
            text.AppendLine(manage).AppendLine();
        }

        text.AppendLine($"Questions about training: {training.CurrentValue.ContactEmail}");
        return text.ToString();
    }

    private string ManageLine(Booking booking) => $"See or cancel your booking in My training:\n{Link($"/training/my/{booking.Id}")}";

    /// <summary>The session's details; the joining link only for someone with a confirmed place.</summary>
    public static string Details(TrainingSession session, bool withJoiningLink)
    {
        var text = new StringBuilder()
            .AppendLine($"Course: {session.Course.Title}")
            .AppendLine($"When: {SessionTimes.Describe(session)}")
            .AppendLine($"Where: {session.Where}")
            .Append($"Trainer: {session.Trainer}");
        if (withJoiningLink && session.Format == SessionFormat.Online && !string.IsNullOrWhiteSpace(session.JoiningLink))
        {
            text.AppendLine().Append($"Joining link: {session.JoiningLink}");
        }

        return text.ToString();
    }

    // Relative to the site address, so a site served under a path (https://host/portal/) keeps it.
    private string Link(string path) => new Uri(site.BaseUri, path.TrimStart('/')).ToString();
}
