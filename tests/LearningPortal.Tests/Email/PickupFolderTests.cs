using MimeKit;

namespace LearningPortal.Tests.Email;

/// <summary>A site with no SMTP host: email goes to .eml files, as on a developer's machine.</summary>
public class PickupFolderSite : PortalFactory
{
    protected override bool UseSmtp => false;
}

public class PickupFolderTests(PickupFolderSite site) : IClassFixture<PickupFolderSite>
{
    [Fact]
    public async Task Without_an_smtp_host_the_message_is_written_as_an_eml_file_to_the_pickup_folder()
    {
        var to = TestUsers.UniqueEmail("pickup");

        var queued = await site.QueueEmailAsync(to, "Feedback on the neglect briefing", "Thank you for your feedback.");
        await site.WaitUntilSentAsync(queued.MessageId);

        var files = Directory.GetFiles(site.MailFolder);
        var file = Assert.Single(files, f => f.EndsWith(".eml", StringComparison.Ordinal) && f.Contains(queued.MessageId.Split('@')[0], StringComparison.Ordinal));
        var written = await MimeMessage.LoadAsync(file);
        Assert.Equal(queued.MessageId, written.MessageId);
        Assert.Equal(to, written.To.Mailboxes.Single().Address);
        Assert.Equal("Feedback on the neglect briefing", written.Subject);
        Assert.Equal("Thank you for your feedback.", written.TextBody?.Trim());
        Assert.DoesNotContain(files, f => f.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Empty(site.Smtp.Messages);
    }
}
