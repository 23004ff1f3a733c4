using LearningPortal.Core.Auditing;

namespace LearningPortal.Web.Accounts;

/// <summary>
/// Records a change people make to their own two-factor sign-in: an audit entry and, where someone who stole a session or
/// a password would make it, an email to the account holder. Both join the caller's unit of work, so they are saved
/// with the change or not at all.
/// </summary>
public class SecondFactorChanges(AuditLog audit, AccountEmails emails, TimeProvider clock)
{
    public const string AuthenticatorOnAction = "user.two-factor-on";
    public const string AuthenticatorOffAction = "user.two-factor-off";
    public const string RecoveryCodesAction = "user.recovery-codes";
    public const string PasskeyAddedAction = "user.passkey-added";
    public const string PasskeyRenamedAction = "user.passkey-renamed";
    public const string PasskeyRemovedAction = "user.passkey-removed";

    public void AuthenticatorOn(PortalUser user) =>
        Record(user, AuthenticatorOnAction, "Authenticator app set up",
            "Two-factor sign-in has been turned on", "An authenticator app was set up for two-factor sign-in on your account");

    public void AuthenticatorOff(PortalUser user, bool twoFactorOff) =>
        Record(user, AuthenticatorOffAction, "Authenticator app turned off",
            twoFactorOff ? "Two-factor sign-in has been turned off" : "Your authenticator app has been turned off",
            "Two-factor sign-in with an authenticator app was turned off on your account, and its recovery codes stopped working");

    public void RecoveryCodes(PortalUser user) =>
        Record(user, RecoveryCodesAction, "New recovery codes",
            "You have new recovery codes", "New recovery codes were made for your account, and the old ones stopped working");

    public void PasskeyAdded(PortalUser user, string name) =>
        Record(user, PasskeyAddedAction, $"Passkey added: {name}",
            "A passkey has been added to your account", $"A passkey called \"{name}\" was added to your account");

    /// <summary>Renaming changes nothing about who can sign in, so it is audited but not emailed.</summary>
    public void PasskeyRenamed(PortalUser user, string oldName, string newName) =>
        audit.Record(user.Id, user.DisplayName, PasskeyRenamedAction, "user", user.Id, $"Passkey renamed from {oldName} to {newName}");

    public void PasskeyRemoved(PortalUser user, string name, bool twoFactorOff) =>
        Record(user, PasskeyRemovedAction, $"Passkey removed: {name}" + (twoFactorOff ? ". Two-factor sign-in is off" : ""),
            twoFactorOff ? "Two-factor sign-in has been turned off" : "A passkey has been removed from your account",
            $"The passkey called \"{name}\" was removed from your account" + (twoFactorOff ? ". It was your last second factor, so two-factor sign-in is now off" : ""));

    private void Record(PortalUser user, string action, string auditDetails, string subject, string whatHappened)
    {
        audit.Record(user.Id, user.DisplayName, action, "user", user.Id, auditDetails);
        emails.QueueSecurityChange(user, subject, whatHappened, clock.GetUtcNow().UtcDateTime);
    }
}
