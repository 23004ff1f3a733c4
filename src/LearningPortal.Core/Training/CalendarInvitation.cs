using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using LearningPortal.Core.Email;
using LearningPortal.Core.Time;

namespace LearningPortal.Core.Training;

/// <summary>
/// The .ics calendar invitation sent with booking emails (RFC 5545/5546). Times are written in UK local
/// time with TZID=Europe/London and a VTIMEZONE, so calendars show the right hour on either side of a
/// clock change. The UID is the booking's and never changes; SEQUENCE rises with each update, so a
/// changed or cancelled invitation replaces the one already in the person's calendar.
/// </summary>
public static class CalendarInvitation
{
    public const string TimeZoneId = "Europe/London";

    /// <summary>A new or updated invitation (METHOD:REQUEST).</summary>
    public static EmailAttachment Request(Booking booking, TrainingSession session, string organiserEmail, string organiserName, string description, DateTime stampUtc) =>
        Build("REQUEST", "CONFIRMED", "invitation.ics", booking, session, organiserEmail, organiserName, description, stampUtc);

    /// <summary>Removes the event from the person's calendar (METHOD:CANCEL, STATUS:CANCELLED).</summary>
    public static EmailAttachment Cancel(Booking booking, TrainingSession session, string organiserEmail, string organiserName, string description, DateTime stampUtc) =>
        Build("CANCEL", "CANCELLED", "cancellation.ics", booking, session, organiserEmail, organiserName, description, stampUtc);

    /// <summary>The invitation's UID: the same for every version of one booking's invitation.</summary>
    public static string UidFor(Booking booking) => $"booking-{booking.CalendarUid:N}@learningportal";

    private static EmailAttachment Build(
        string method, string status, string fileName, Booking booking, TrainingSession session,
        string organiserEmail, string organiserName, string description, DateTime stampUtc)
    {
        var calendar = new Calendar { Method = method, ProductId = "-//LearningPortal//Training//EN" };
        calendar.AddTimeZone(TimeZoneId, UkTime.FromUtc(session.StartUtc).AddYears(-1), false);
        var evt = new CalendarEvent
        {
            Uid = UidFor(booking),
            Sequence = booking.CalendarSequence,
            Summary = session.Course.Title,
            Description = description,
            Location = session.Format == SessionFormat.Online ? "Online" : session.Venue,
            DtStart = Local(session.StartUtc),
            DtEnd = Local(session.EndUtc),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc), "UTC", true),
            Status = status,
            Organizer = new Organizer("mailto:" + organiserEmail) { CommonName = organiserName },
        };
        evt.Attendees.Add(new Attendee("mailto:" + booking.AttendeeEmail)
        {
            CommonName = booking.AttendeeName,
            Role = "REQ-PARTICIPANT",
            ParticipationStatus = method == "CANCEL" ? "DECLINED" : "ACCEPTED",
            Rsvp = false,
        });
        calendar.Events.Add(evt);
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new EmailAttachment(fileName, $"text/calendar; method={method}; charset=utf-8", Encoding.UTF8.GetBytes(text));
    }

    private static CalDateTime Local(DateTime utc) =>
        new(DateTime.SpecifyKind(UkTime.FromUtc(utc), DateTimeKind.Unspecified), TimeZoneId, true);
}
