using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LearningPortal.Core.Notifications;

/// <summary>
/// The in-process dispatcher: calls every registered handler of a notification, in registration order,
/// in the caller's scope. Callers publish only after their change is committed, so a handler always sees it.
/// A failing handler is logged and does not stop the others or undo the change: the change has happened.
/// </summary>
public class NotificationPublisher(IServiceProvider services, ILogger<NotificationPublisher> logger)
{
    public async Task PublishAsync<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification
    {
        foreach (var handler in services.GetServices<INotificationHandler<TNotification>>())
        {
            try
            {
                await handler.HandleAsync(notification, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Handler {Handler} failed for {Notification}.", handler.GetType().Name, notification);
            }
        }
    }

    /// <summary>Publishes several notifications in order (e.g. those collected during one unit of work).</summary>
    public async Task PublishAllAsync(IEnumerable<INotification> notifications, CancellationToken cancellationToken = default)
    {
        foreach (var notification in notifications)
        {
            // Dispatch on the runtime type so handlers of the concrete notification are found.
            await (Task)typeof(NotificationPublisher).GetMethod(nameof(PublishAsync))!
                .MakeGenericMethod(notification.GetType())
                .Invoke(this, [notification, cancellationToken])!;
        }
    }
}

/// <summary>Explicit registration of notification handlers.</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>The dispatcher itself; safe to call more than once.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(NotificationPublisher)))
        {
            services.AddScoped<NotificationPublisher>();
        }

        return services;
    }

    /// <summary>Registers a handler (scoped, so it may use the DbContext).</summary>
    public static IServiceCollection AddNotificationHandler<TNotification, THandler>(this IServiceCollection services)
        where TNotification : INotification
        where THandler : class, INotificationHandler<TNotification>
    {
        services.AddNotifications();
        services.AddScoped<INotificationHandler<TNotification>, THandler>();
        return services;
    }
}
