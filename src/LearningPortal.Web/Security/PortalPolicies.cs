namespace LearningPortal.Web.Security;

/// <summary>Authorisation policies. Everything else requires a signed-in user (the fallback policy).</summary>
public static class PortalPolicies
{
    public const string Supervisor = "Supervisor";
    public const string Editor = "Editor";

    /// <summary>The /manage landing page: partnership staff and administrators.</summary>
    public const string StaffArea = "StaffArea";
    public const string Administrator = "Administrator";

    /// <summary>Agency leads signed in with a second factor: the /assurance pages.</summary>
    public const string AgencyLead = "AgencyLead";

    /// <summary>Editors or Agency leads signed in with a second factor: assurance evidence files (each file then decides).</summary>
    public const string AssuranceReader = "AssuranceReader";

    /// <summary>
    /// Signed in with a second factor (authenticator app, recovery code or passkey). Someone without it is redirected to
    /// set it up or to use it (<see cref="SecondFactorRedirect"/>), not refused. A folder opts in with
    /// <c>o.Conventions.AuthorizeFolder("/Supervision", PortalPolicies.TwoFactor)</c>; a page with
    /// <c>[Authorize(Policy = PortalPolicies.TwoFactor)]</c>.
    /// </summary>
    public const string TwoFactor = "TwoFactor";
}
