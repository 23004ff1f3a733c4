namespace LearningPortal.Core.Feedback;

/// <summary>
/// An attendee asked (by email) to evaluate a session: sent once per person per session, and the denominator
/// of the session's response rate. It does not link to any response.
/// </summary>
public class FeedbackInvitation
{
    public int Id { get; set; }

    public int FormId { get; set; }

    public int SessionId { get; set; }

    public string UserId { get; set; } = "";

    public DateTime SentUtc { get; set; }
}
