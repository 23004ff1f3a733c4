namespace LearningPortal.Core.Accounts;

/// <summary>The roles of the portal. Everyone is a Practitioner; the others are granted by an Administrator.</summary>
public static class PortalRoles
{
    public const string Practitioner = "Practitioner";
    public const string Supervisor = "Supervisor";
    public const string Editor = "Editor";
    public const string Administrator = "Administrator";

    /// <summary>Answers the partnership's assurance requests for their own agency (the agency on their account); one or more per agency.</summary>
    public const string AgencyLead = "Agency lead";

    public static IReadOnlyList<string> All { get; } = [Practitioner, Supervisor, AgencyLead, Editor, Administrator];

    /// <summary>
    /// The roles that sign in with two factors: they publish in the partnership's name or see personal data across
    /// agencies, or speak for their agency to the partnership (Agency leads). Someone given one is taken to set it up at their
    /// next sign-in.
    /// </summary>
    public static IReadOnlyList<string> NeedTwoFactor { get; } = [AgencyLead, Editor, Administrator];
}
