using MimeKit;

namespace LearningPortal.Core.Email;

/// <summary>Delivers one message: over SMTP, or to a folder of .eml files.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
