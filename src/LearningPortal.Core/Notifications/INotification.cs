namespace LearningPortal.Core.Notifications;

/// <summary>
/// Something that happened in one module that others may react to (search reindexes on
/// <c>ContentPublished</c>, supervision picks up a briefing's questions). Published after the change is committed.
/// </summary>
public interface INotification;

/// <summary>Reacts to one kind of notification. Register with <see cref="NotificationServiceCollectionExtensions.AddNotificationHandler{TNotification, THandler}"/>.</summary>
public interface INotificationHandler<in TNotification>
    where TNotification : INotification
{
    Task HandleAsync(TNotification notification, CancellationToken cancellationToken);
}
