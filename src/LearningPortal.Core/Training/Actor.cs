namespace LearningPortal.Core.Training;

/// <summary>Who is acting, for the audit log; a null user id is the system (scheduled work).</summary>
public sealed record Actor(string? UserId, string Name)
{
    public static Actor System { get; } = new(null, "System");
}
