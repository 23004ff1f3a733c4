namespace LearningPortal.Core.Accounts;

/// <summary>The audit log's names for what administrators do under /manage.</summary>
public static class AdministrationAudit
{
    public const string UserSubject = "user";
    public const string AgencySubject = "agency";

    public const string UserRolesChanged = "user.roles.changed";
    public const string UserAgencyChanged = "user.agency.changed";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string UserTwoFactorReset = "user.two-factor.reset";

    public const string AgencyAdded = "agency.added";
    public const string AgencyRenamed = "agency.renamed";
    public const string AgencyRetired = "agency.retired";
    public const string AgencyReinstated = "agency.reinstated";
}
