namespace LearningPortal.Tests.Infrastructure;

/// <summary>
/// The site with sessions re-checked every second, so a test can watch another session end
/// (after a password change, or when an administrator disables the account).
/// </summary>
public sealed class QuickSessionRecheckSite : PortalFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Accounts:SessionRecheckInterval"] = "00:00:01",
    };
}
