namespace LearningPortal.Core.Email;

/// <summary>A file sent with an email, for example a calendar invitation (text/calendar).</summary>
public sealed record EmailAttachment(string Name, string ContentType, byte[] Content);
