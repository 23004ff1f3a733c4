namespace LearningPortal.Core.Auditing;

/// <summary>
/// Who is acting, as every module records it: the person's user id, which the audit log keeps so that it can
/// show their current name, and their name at the time as a fallback. A null id is the system (a scheduled
/// job, a command). The web resolves the signed-in person's once per request.
/// </summary>
public sealed record Actor(string? UserId, string Name)
{
    /// <summary>The system acting on its own, named for the audit log ("Scheduled publishing").</summary>
    public static Actor System(string name = "System") => new(null, name);
}
