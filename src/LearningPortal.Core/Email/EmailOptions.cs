namespace LearningPortal.Core.Email;

/// <summary>Email settings (section "Email"). With no SMTP host, messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
public class EmailOptions
{
    public const string Section = "Email";

    public string FromAddress { get; set; } = "no-reply@learningportal.local";

    public string FromName { get; set; } = "Learning Portal";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
    public string SmtpSecurity { get; set; } = "Auto";

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Folder for .eml files when no SMTP host is set; relative paths are under the content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    /// <summary>
    /// Whether this instance runs the background sender (default true). Turn it off on instances that
    /// should only queue, or in tests that call <see cref="OutboxSender.DeliverDueAsync"/> themselves.
    /// </summary>
    public bool SenderEnabled { get; set; } = true;

    /// <summary>How often the sender looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts before a message is marked dead.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>First retry delay; doubles with each failure, capped at one hour.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed message is reserved for one instance.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);
}
