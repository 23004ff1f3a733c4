namespace LearningPortal.Web.Security;

/// <summary>Authorisation policies. Everything else requires a signed-in user (the fallback policy).</summary>
public static class PortalPolicies
{
    public const string Supervisor = "Supervisor";
    public const string Editor = "Editor";

    /// <summary>The /manage landing page: partnership staff and administrators.</summary>
    public const string StaffArea = "StaffArea";
    public const string Administrator = "Administrator";
}
