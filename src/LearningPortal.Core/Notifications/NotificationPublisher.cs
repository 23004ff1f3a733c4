using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LearningPortal.Core.Notifications;

/// <summary>
/// The one in-process dispatcher, for every module. Its policy:
/// <list type="bullet">
/// <item>Callers publish only after their change is committed, so a handler always sees it. Anything that must
/// commit with the change (search journal, outbox email, audit line) is written in the change's own transaction
/// instead, never by a handler.</item>
/// <item>Each notification's handlers run in a DI scope of their own (their own DbContext), in registration order:
/// a handler never sees or saves the caller's unsaved changes, and the caller's context is never disturbed.</item>
/// <item>A failing handler is logged and does not stop the others or undo the change: the change has happened.</item>
/// </list>
/// </summary>
public sealed class NotificationPublisher(IServiceScopeFactory scopes, ILogger<NotificationPublisher> logger)
{
    public async Task PublishAsync<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification
    {
        using var scope = scopes.CreateScope();
        foreach (var handler in scope.ServiceProvider.GetServices<INotificationHandler<TNotification>>())
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
            services.AddSingleton<NotificationPublisher>();
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
