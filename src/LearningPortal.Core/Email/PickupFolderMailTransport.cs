using MimeKit;

namespace LearningPortal.Core.Email;

/// <summary>Writes each message as an .eml file, for running without an SMTP server.</summary>
public class PickupFolderMailTransport(string directory) : IMailTransport
{
    public string Directory { get; } = directory;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var safeId = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsLetterOrDigit(c) ? c : '-'));
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{safeId}.eml";
        var temp = Path.Combine(Directory, name + ".tmp");
        await message.WriteToAsync(temp, cancellationToken);
        File.Move(temp, Path.Combine(Directory, name), overwrite: true);
    }
}
