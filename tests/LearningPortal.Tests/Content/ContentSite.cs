using System.Collections.Concurrent;
using LearningPortal.Core.Content;
using LearningPortal.Core.Notifications;
using Microsoft.AspNetCore.Hosting;

namespace LearningPortal.Tests.Content;

/// <summary>
/// The site with its starter content, the scheduler loop off (tests drive it with an explicit time), media in a
/// throwaway folder, and every content notification recorded.
/// </summary>
public class ContentSite : PortalFactory
{
    public string MediaFolder { get; } = Path.Combine(Path.GetTempPath(), "lp-tests", "media-" + Guid.NewGuid().ToString("N"));

    public NotificationLog Notifications { get; } = new();

    protected virtual bool ImportStarterContent => true;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Content:SchedulerEnabled"] = "false",
        ["Content:ImportStarterContent"] = ImportStarterContent ? "true" : "false",
        ["Content:MediaPath"] = MediaFolder,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Notifications);
            services.AddNotificationHandler<ContentPublished, NotificationLog.PublishedHandler>();
            services.AddNotificationHandler<ContentUnpublished, NotificationLog.UnpublishedHandler>();
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MediaFolder))
        {
            Directory.Delete(MediaFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The site with no starter content: an empty content database.</summary>
public class EmptyContentSite : ContentSite
{
    protected override bool ImportStarterContent => false;
}

/// <summary>Every ContentPublished and ContentUnpublished the site raised.</summary>
public sealed class NotificationLog
{
    public ConcurrentQueue<ContentPublished> Published { get; } = new();

    public ConcurrentQueue<ContentUnpublished> Unpublished { get; } = new();

    public int PublishedCount(int documentId) => Published.Count(p => p.DocumentId == documentId);

    public sealed class PublishedHandler(NotificationLog log) : INotificationHandler<ContentPublished>
    {
        public Task HandleAsync(ContentPublished notification, CancellationToken cancellationToken)
        {
            log.Published.Enqueue(notification);
            return Task.CompletedTask;
        }
    }

    public sealed class UnpublishedHandler(NotificationLog log) : INotificationHandler<ContentUnpublished>
    {
        public Task HandleAsync(ContentUnpublished notification, CancellationToken cancellationToken)
        {
            log.Unpublished.Enqueue(notification);
            return Task.CompletedTask;
        }
    }
}
