using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningPortal.Web.Accounts;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>The password was right and the account has an authenticator app: the second step comes next.</summary>
    SecondFactorRequired,
    WrongDetails,
    LockedOut,
    EmailNotConfirmed,
    Disabled,
}

/// <summary>The result of a sign-in or of re-entering a password; expected failures are outcomes, not exceptions.</summary>
public sealed record SignInAttempt(SignInOutcome Outcome, int LockedForMinutes = 0)
{
    /// <summary>Signed in with a password alone, but a role of the account needs two factors: set them up next.</summary>
    public bool MustSetUpSecondFactor { get; init; }

    public bool Succeeded => Outcome == SignInOutcome.SignedIn;

    public string LockedOutCodeMessage =>
        $"You have entered the wrong code too many times. Try again in {LockedForMinutes} {(LockedForMinutes == 1 ? "minute" : "minutes")}.";

    public string LockedOutMessage =>
        $"You have entered the wrong password too many times. Try again in {LockedForMinutes} {(LockedForMinutes == 1 ? "minute" : "minutes")}.";
}

/// <summary>
/// Signing in with an email address and password, with lockout. It never tells a stranger whether an
/// address has an account, whether it is locked, or why an account cannot sign in, unless they also know its
/// password (and the account is not locked).
/// </summary>
public class AccountSignIn(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, TimeProvider clock)
{
    private static readonly SignInAttempt Wrong = new(SignInOutcome.WrongDetails);

    public async Task<SignInAttempt> SignInAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            // Unknown and locked accounts answer as a wrong password does, after the same work (one run of the password
            // hasher), so neither the words nor the time tell a stranger which addresses have accounts. A locked account's
            // owner was told by email when it locked (PortalUserManager), and its password is not checked until it opens.
            users.PasswordHasher.HashPassword(user ?? new PortalUser(), password);
            return Wrong;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await RecordSignInAsync(user);
            var roles = await users.GetRolesAsync(user);
            return new SignInAttempt(SignInOutcome.SignedIn)
            {
                MustSetUpSecondFactor = roles.Any(PortalRoles.NeedTwoFactor.Contains) && !await users.HasSecondFactorAsync(user),
            };
        }

        if (result.RequiresTwoFactor)
        {
            return new SignInAttempt(SignInOutcome.SecondFactorRequired);
        }

        // A wrong password, including the one that has just locked the account, gets the same answer.
        return result.IsNotAllowed ? await ExplainNotAllowedAsync(user, password) : Wrong;
    }

    /// <summary>Notes when the account last signed in (shown to administrators).</summary>
    public async Task RecordSignInAsync(PortalUser user)
    {
        user.LastSignInUtc = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
    }

    /// <summary>Asks a signed-in person for their password again before a sensitive change; wrong answers count towards lockout.</summary>
    public async Task<SignInAttempt> ReauthenticateAsync(PortalUser user, string password)
    {
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? new SignInAttempt(SignInOutcome.SignedIn) : await FailureAsync(user, result);
    }

    /// <summary>
    /// Checks the password a signed-in person typed to confirm a sensitive change (missing, wrong, or now locked out),
    /// putting the GOV.UK error message on <paramref name="field"/>; true when it is right.
    /// </summary>
    public async Task<bool> ConfirmPasswordAsync(ModelStateDictionary state, string field, PortalUser user, string? password, string wrong = "Your password is incorrect")
    {
        if (string.IsNullOrEmpty(password))
        {
            state.AddModelError(field, "Enter your password");
            return false;
        }

        var check = await ReauthenticateAsync(user, password);
        if (!check.Succeeded)
        {
            state.AddModelError(field, check.Outcome == SignInOutcome.LockedOut ? check.LockedOutMessage : wrong);
        }

        return check.Succeeded;
    }

    private async Task<SignInAttempt> ExplainNotAllowedAsync(PortalUser user, string password)
    {
        // Identity refuses an unconfirmed or disabled account before it looks at the password; we look at it
        // ourselves, counting failures as usual, so that only the account's owner learns why.
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return Wrong;
        }

        return new SignInAttempt(user.IsDisabled ? SignInOutcome.Disabled : SignInOutcome.EmailNotConfirmed);
    }

    /// <summary>How long the account stays locked, for the message.</summary>
    public Task<SignInAttempt> LockedOutAsync(PortalUser user) => LockedAsync(user);

    private async Task<SignInAttempt> FailureAsync(PortalUser user, SignInResult result) =>
        result.IsLockedOut ? await LockedAsync(user) : Wrong;

    private async Task<SignInAttempt> LockedAsync(PortalUser user)
    {
        var end = await users.GetLockoutEndDateAsync(user);
        var minutes = end is null ? 1 : (int)Math.Ceiling((end.Value - clock.GetUtcNow()).TotalMinutes);
        return new SignInAttempt(SignInOutcome.LockedOut, Math.Max(1, minutes));
    }
}
