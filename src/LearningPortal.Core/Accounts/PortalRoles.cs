namespace LearningPortal.Core.Accounts;

/// <summary>The roles of the portal. Everyone is a Practitioner; the others are granted by an Administrator.</summary>
public static class PortalRoles
{
    public const string Practitioner = "Practitioner";
    public const string Supervisor = "Supervisor";
    public const string Editor = "Editor";
    public const string Administrator = "Administrator";

    public static IReadOnlyList<string> All { get; } = [Practitioner, Supervisor, Editor, Administrator];

    /// <summary>
    /// The roles that sign in with two factors: they publish in the partnership's name or see personal data across
    /// agencies. Someone given one is taken to set it up at their next sign-in. (The Agency lead role joins this list when it comes.)
    /// </summary>
    public static IReadOnlyList<string> NeedTwoFactor { get; } = [Editor, Administrator];
}
