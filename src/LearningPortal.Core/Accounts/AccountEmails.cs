using LearningPortal.Core.Email;
using LearningPortal.Core.Time;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Core.Accounts;

/// <summary>
/// The emails of the account journeys. Each joins the caller's unit of work through the outbox, so it is
/// sent only if the change it describes is saved. Links are absolute and start with the configured site address
/// (<see cref="IEmailLinks"/>, setting Site:Address), never the request's Host header, so a forged Host cannot
/// send a reset link to another site.
/// </summary>
public class AccountEmails(
    UserManager<PortalUser> users,
    EmailOutbox outbox,
    IEmailLinks links,
    ServiceIdentity service)
{
    public async Task QueueEmailConfirmationAsync(PortalUser user)
    {
        var code = LinkCode.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        Queue(user.Email!, user.DisplayName, "Confirm your email address",
            $"Confirm your email address to finish setting up your {service.ServiceName} account:",
            Link("/Account/ConfirmEmail", new { userId = user.Id, code }),
            "The link works for 24 hours.",
            "If you did not create an account, you can ignore this email.");
    }

    /// <summary>Someone tried to create an account with an address that already has one; only its owner hears of it.</summary>
    public async Task QueueAlreadyRegisteredAsync(PortalUser user)
    {
        if (!user.EmailConfirmed)
        {
            // They may have lost the first link; a fresh one is what they need.
            await QueueEmailConfirmationAsync(user);
            return;
        }

        Queue(user.Email!, user.DisplayName, $"You already have a {service.ServiceName} account",
            "Someone tried to create an account with this email address, which already has one. You can sign in:",
            Link("/Account/SignIn"),
            "If you have forgotten your password, you can reset it:",
            Link("/Account/ForgottenPassword"),
            "If this was not you, you can ignore this email. Your account has not changed.");
    }

    public async Task QueuePasswordResetAsync(PortalUser user)
    {
        var code = LinkCode.Encode(await users.GeneratePasswordResetTokenAsync(user));
        Queue(user.Email!, user.DisplayName, "Reset your password",
            $"Someone asked to reset the password of your {service.ServiceName} account. To choose a new password, use this link:",
            Link("/Account/ResetPassword", new { userId = user.Id, code }),
            "The link works once, for 24 hours.",
            "If you did not ask to reset your password, you can ignore this email. Your password has not changed.");
    }

    public void QueuePasswordChanged(PortalUser user) =>
        Queue(user.Email!, user.DisplayName, "Your password has been changed",
            $"The password of your {service.ServiceName} account has just been changed, and any other sessions have been signed out.",
            "If you did not do this, reset your password now:",
            Link("/Account/ForgottenPassword"));

    public async Task QueueEmailChangeConfirmationAsync(PortalUser user, string newEmail)
    {
        var code = LinkCode.Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        Queue(newEmail, user.DisplayName, "Confirm your new email address",
            $"To use this email address for your {service.ServiceName} account, confirm it with this link:",
            Link("/Account/ConfirmEmailChange", new { userId = user.Id, email = newEmail, code }),
            "The link works for 24 hours. Until you use it, your account keeps its current email address.",
            "If you did not ask for this, you can ignore this email.");
    }

    /// <summary>Someone asked to move their account to an address that already has an account; only that address hears of it.</summary>
    public void QueueAddressAlreadyInUse(string address) =>
        Queue(address, "", $"You already have a {service.ServiceName} account",
            "Someone asked to change their account's email address to this one, but this address already has an account, so nothing has changed.",
            "If this was you, sign in with this address instead:",
            Link("/Account/SignIn"));

    /// <summary>
    /// Tells the old address that the account moved away from it, with the link that undoes the change for 7 days
    /// (<see cref="EmailChangeUndo"/>): whoever reads this mailbox was the account's owner until now.
    /// </summary>
    public void QueueEmailChanged(string oldAddress, string name, string newAddress, string undoKey) =>
        Queue(oldAddress, name, "Your email address has been changed",
            $"The email address of your {service.ServiceName} account has been changed to {newAddress}. We will not send emails to this address any more.",
            "If you did not do this, undo the change with this link:",
            Link("/Account/UndoEmailChange", new { key = undoKey }),
            "The link works once, for 7 days. It changes your account's email address back to this one, signs your account out everywhere and asks you to choose a new password.",
            "If the link has stopped working, contact the partnership's business unit straight away.");

    /// <summary>Wrong attempts locked the account; the sign-in page does not say so (that would tell strangers it exists).</summary>
    public void QueueLockedOut(PortalUser user, TimeSpan duration) =>
        Queue(user.Email!, user.DisplayName, $"Your {service.ServiceName} account is locked for {(int)Math.Ceiling(duration.TotalMinutes)} minutes",
            $"Someone entered the wrong password or code for your account too many times, so nobody can sign in to it for {(int)Math.Ceiling(duration.TotalMinutes)} minutes, even with the right password.",
            "If this was you, wait and then sign in again. If you have forgotten your password, you can reset it:",
            Link("/Account/ForgottenPassword"),
            "If this was not you, someone may be trying to get into your account. Your account is safe while it is locked. Reset your password if you think someone knows it.");

    public void QueueAccountDeleted(PortalUser user) =>
        Queue(user.Email!, user.DisplayName, $"Your {service.ServiceName} account has been deleted",
            "Your account has been deleted, as you asked. You will not get any more emails from us about it.",
            "If you want to use the portal again, you can create a new account.");

    /// <summary>
    /// Tells account holders that their own sign-in security changed (two-factor sign-in, recovery codes, passkeys), when,
    /// and what to do if it was not them: whoever made the change knew their password and, usually, had a second factor.
    /// </summary>
    public void QueueSecurityChange(PortalUser user, string subject, string whatHappened, DateTime whenUtc) =>
        Queue(user.Email!, user.DisplayName, subject,
            $"{whatHappened} on {UkTime.Format(whenUtc)} (UK time).",
            "If this was you, you do not need to do anything.",
            "If this was not you, someone else may be able to sign in as you. Reset your password now, then contact the partnership's business unit, who can reset your two-factor sign-in:",
            Link("/Account/ForgottenPassword"));

    /// <summary>The account was signed in to from a browser it has not used before (not on the account's very first sign-in).</summary>
    public void QueueNewBrowserSignIn(PortalUser user, UserSession session) =>
        Queue(user.Email!, user.DisplayName, $"New sign-in to your {service.ServiceName} account",
            $"Your account was signed in to on {UkTime.Format(session.StartedUtc)} (UK time) from {session.Browser}. This browser has not been used to sign in to your account before.",
            "If this was you, you do not need to do anything.",
            "If this was not you, someone else knows your password. Sign that session out and change your password now:",
            Link("/Account/Security"),
            "If you cannot sign in, reset your password:",
            Link("/Account/ForgottenPassword"));

    /// <summary>An administrator reset the account's two-factor sign-in (lost phone and recovery codes).</summary>
    public void QueueTwoFactorReset(PortalUser user, DateTime whenUtc) =>
        Queue(user.Email!, user.DisplayName, "Your two-factor sign-in has been reset",
            $"An administrator reset two-factor sign-in on your {service.ServiceName} account on {UkTime.Format(whenUtc)} (UK time). Your authenticator app, recovery codes and passkeys no longer work, and you have been signed out everywhere.",
            "To open supervision records again, sign in with your email address and password and set up two-factor sign-in:",
            Link("/Account/TwoFactor"),
            "If you did not ask for this, contact the partnership's business unit straight away.");

    private void Queue(string to, string name, string subject, params string[] paragraphs)
    {
        var greeting = string.IsNullOrWhiteSpace(name) ? "Hello," : $"Hello {name},";
        var body = string.Join("\n\n", [greeting, .. paragraphs, $"{service.ServiceName}\n{service.Organisation}"]);
        outbox.Queue(to, name, subject, body + "\n");
    }

    private string Link(string page, object? values = null) => links.Page(page, values);
}
