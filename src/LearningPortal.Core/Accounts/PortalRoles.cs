namespace LearningPortal.Core.Accounts;

/// <summary>The roles of the portal. Everyone is a Practitioner; the others are granted by an Administrator.</summary>
public static class PortalRoles
{
    public const string Practitioner = "Practitioner";
    public const string Supervisor = "Supervisor";
    public const string Editor = "Editor";
    public const string Administrator = "Administrator";

    public static IReadOnlyList<string> All { get; } = [Practitioner, Supervisor, Editor, Administrator];
}
