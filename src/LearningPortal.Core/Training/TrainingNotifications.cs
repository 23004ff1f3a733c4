using LearningPortal.Core.Notifications;

namespace LearningPortal.Core.Training;

/// <summary>Something that happened in the training module that other modules may react to (published through <see cref="NotificationPublisher"/>).</summary>
public interface ITrainingNotification : INotification;

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
