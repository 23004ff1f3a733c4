using Microsoft.Extensions.Logging;

namespace LearningPortal.Core.Training;

/// <summary>Something that happened in the training module that other modules may react to.</summary>
public interface ITrainingNotification;

/// <summary>A new session was put on the programme.</summary>
public sealed record SessionPublished(int SessionId, int CourseId, DateTime StartUtc) : ITrainingNotification;

/// <summary>A session's time, place or capacity changed.</summary>
public sealed record SessionChanged(int SessionId, int CourseId, bool TimeOrPlaceChanged) : ITrainingNotification;

/// <summary>A session was cancelled.</summary>
public sealed record SessionCancelled(int SessionId, int CourseId) : ITrainingNotification;

/// <summary>A person's place was confirmed (at once, after approval, or from the waiting list).</summary>
public sealed record PlaceConfirmed(int BookingId, int SessionId, string UserId) : ITrainingNotification;

/// <summary>A person attended a session (marked on the register): feedback and impact modules ask for an evaluation.</summary>
public sealed record SessionAttended(int BookingId, int SessionId, int CourseId, string UserId, int AgencyId, bool LicensesGcp2) : ITrainingNotification;

/// <summary>
/// The training module's notifications, published after the change is committed. A small hook list for now:
/// REVIEW: at merge the lead wires this to the portal's shared notifications dispatcher (content engine) by
/// subscribing one handler that forwards every notification.
/// </summary>
public sealed class TrainingNotifications(ILogger<TrainingNotifications> logger)
{
    private readonly List<Func<ITrainingNotification, CancellationToken, Task>> handlers = [];
    private readonly Lock gate = new();

    /// <summary>Adds a handler; it runs for every notification, in the order handlers were added.</summary>
    public void Subscribe(Func<ITrainingNotification, CancellationToken, Task> handler)
    {
        lock (gate)
        {
            handlers.Add(handler);
        }
    }

    public async Task PublishAsync(ITrainingNotification notification, CancellationToken cancellationToken)
    {
        Func<ITrainingNotification, CancellationToken, Task>[] current;
        lock (gate)
        {
            current = [.. handlers];
        }

        foreach (var handler in current)
        {
            try
            {
                await handler(notification, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The change is already committed; a failing subscriber must not turn it into an error page.
                logger.LogError(ex, "A handler of {Notification} failed.", notification.GetType().Name);
            }
        }
    }

    public async Task PublishAsync(IEnumerable<ITrainingNotification> notifications, CancellationToken cancellationToken)
    {
        foreach (var n in notifications)
        {
            await PublishAsync(n, cancellationToken);
        }
    }
}
