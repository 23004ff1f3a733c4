using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Security;

/// <summary>
/// Identity's user manager, telling an account's owner by email when wrong attempts lock it. The sign-in page answers a
/// locked account exactly as it answers a wrong password (so that a stranger cannot tell the account exists), so the email
/// is how the owner learns why the right password is refused.
/// </summary>
public class PortalUserManager(
    IHttpContextAccessor http,
    IUserStore<PortalUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<PortalUser> passwordHasher,
    IEnumerable<IUserValidator<PortalUser>> userValidators,
    IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PortalUser>> logger,
    SessionChecks sessionChecks)
    : UserManager<PortalUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    /// <summary>
    /// Counts a wrong password, code or recovery code; the failure that locks the account also queues the email, which the
    /// same save as the lockout commits.
    /// </summary>
    public override async Task<IdentityResult> AccessFailedAsync(PortalUser user)
    {
        var locksNow = SupportsUserLockout
            && await GetLockoutEnabledAsync(user)
            && !await IsLockedOutAsync(user)
            && await GetAccessFailedCountAsync(user) + 1 >= Options.Lockout.MaxFailedAccessAttempts;
        if (locksNow && !string.IsNullOrEmpty(user.Email) && http.HttpContext is { } context)
        {
            // Resolved here rather than injected: AccountEmails itself needs the user manager. Lockouts happen while
            // handling a sign-in request, whose services are this manager's own scope.
            context.RequestServices.GetRequiredService<AccountEmails>().QueueLockedOut(user, Options.Lockout.DefaultLockoutTimeSpan);
        }

        return await base.AccessFailedAsync(user);
    }

    /// <summary>
    /// Every change to an account (a new security stamp, disabling it, its roles) is saved here: this instance's record of a
    /// passed session check for it no longer stands, so its sessions are checked against the database on their next due check.
    /// </summary>
    protected override async Task<IdentityResult> UpdateUserAsync(PortalUser user)
    {
        var result = await base.UpdateUserAsync(user);
        sessionChecks.Forget(user.Id);
        return result;
    }

    public override async Task<IdentityResult> DeleteAsync(PortalUser user)
    {
        var result = await base.DeleteAsync(user);
        sessionChecks.Forget(user.Id);
        return result;
    }
}
