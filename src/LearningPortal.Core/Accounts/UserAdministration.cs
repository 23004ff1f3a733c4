using System.Data;
using System.Data.Common;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Accounts;

/// <summary>
/// The changes an administrator makes to someone's account: roles, agency, disabling and re-enabling.
/// Each change checks the account's concurrency stamp from the form the administrator saw, runs in one
/// serialisable transaction (UserManager saves more than once for a role change, and the last-administrator
/// rule must hold when two administrators act at once) and writes its audit entry in that transaction.
/// </summary>
public class UserAdministration(PortalDbContext db, UserManager<PortalUser> users, AuditLog audit, AccountEmails emails, TimeProvider clock)
{
    /// <summary>The roles an administrator grants; everyone keeps Practitioner.</summary>
    public static IReadOnlyList<string> GrantableRoles { get; } = [PortalRoles.Supervisor, PortalRoles.AgencyLead, PortalRoles.Editor, PortalRoles.Administrator];

    public const string NoSecondFactor = "Not set up";

    public const string ConflictMessage =
        "Someone else changed this account after you opened this page. The page now shows the current details. Check them and try again.";

    public const string LastAdministratorMessage =
        "This is the last active administrator account. Make someone else an administrator first";

    public Task<Outcome<AccountChange>> ChangeRolesAsync(Actor actor, string userId, string concurrencyStamp, IEnumerable<string> grantedRoles) =>
        ChangeAsync(userId, concurrencyStamp, async user =>
        {
            var current = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
            var wanted = grantedRoles.Where(GrantableRoles.Contains).Append(PortalRoles.Practitioner).ToHashSet(StringComparer.Ordinal);
            if (current.SetEquals(wanted))
            {
                return Outcome.Success(AccountChange.Unchanged);
            }

            if (current.Contains(PortalRoles.Administrator) && !wanted.Contains(PortalRoles.Administrator))
            {
                if (await IsLastActiveAdministratorAsync(user))
                {
                    return Outcome.NotAllowed<AccountChange>(LastAdministratorMessage);
                }

                if (user.Id == actor.UserId)
                {
                    return Outcome.NotAllowed<AccountChange>("You cannot remove your own Administrator role. Ask another administrator to do it");
                }
            }

            // Recorded before UserManager's first save so that it is written with the change.
            audit.Record(actor.UserId, actor.Name, AdministrationAudit.UserRolesChanged, AdministrationAudit.UserSubject, user.Id,
                $"Roles of {Describe(user)} changed from {RoleList(current)} to {RoleList(wanted)}");
            var removed = current.Except(wanted).ToList();
            var added = wanted.Except(current).ToList();
            var result = removed.Count > 0 ? await users.RemoveFromRolesAsync(user, removed) : IdentityResult.Success;
            if (result.Succeeded && added.Count > 0)
            {
                result = await users.AddToRolesAsync(user, added);
            }

            return Saved(result);
        });

    public Task<Outcome<AccountChange>> ChangeAgencyAsync(Actor actor, string userId, string concurrencyStamp, int agencyId) =>
        ChangeAsync(userId, concurrencyStamp, async user =>
        {
            if (user.AgencyId == agencyId)
            {
                return Outcome.Success(AccountChange.Unchanged);
            }

            var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId && a.IsActive);
            if (agency is null)
            {
                return Outcome.NotAllowed<AccountChange>("Select an agency");
            }

            var old = await db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => a.Name).SingleOrDefaultAsync();
            user.AgencyId = agency.Id;
            audit.Record(actor.UserId, actor.Name, AdministrationAudit.UserAgencyChanged, AdministrationAudit.UserSubject, user.Id,
                $"Agency of {Describe(user)} changed from {old ?? "none"} to {agency.Name}");
            return Saved(await users.UpdateAsync(user));
        });

    /// <summary>
    /// Disables the account and changes its security stamp, so that its sessions end at their next check
    /// (the sign-in manager refuses disabled accounts).
    /// </summary>
    public Task<Outcome<AccountChange>> DisableAsync(Actor actor, string userId, string concurrencyStamp, string? reason) =>
        ChangeAsync(userId, concurrencyStamp, async user =>
        {
            if (user.Id == actor.UserId)
            {
                return Outcome.NotAllowed<AccountChange>("You cannot disable your own account");
            }

            if (user.IsDisabled)
            {
                return Outcome.Success(AccountChange.Unchanged);
            }

            if (await users.IsInRoleAsync(user, PortalRoles.Administrator) && await IsLastActiveAdministratorAsync(user))
            {
                return Outcome.NotAllowed<AccountChange>(LastAdministratorMessage);
            }

            user.IsDisabled = true;
            audit.Record(actor.UserId, actor.Name, AdministrationAudit.UserDisabled, AdministrationAudit.UserSubject, user.Id,
                $"Account of {Describe(user)} disabled{Reason(reason)}");
            return Saved(await users.UpdateSecurityStampAsync(user));
        });

    public Task<Outcome<AccountChange>> EnableAsync(Actor actor, string userId, string concurrencyStamp, string? reason) =>
        ChangeAsync(userId, concurrencyStamp, async user =>
        {
            if (!user.IsDisabled)
            {
                return Outcome.Success(AccountChange.Unchanged);
            }

            user.IsDisabled = false;
            audit.Record(actor.UserId, actor.Name, AdministrationAudit.UserEnabled, AdministrationAudit.UserSubject, user.Id,
                $"Account of {Describe(user)} re-enabled{Reason(reason)}");
            return Saved(await users.UpdateAsync(user));
        });

    /// <summary>
    /// For someone who lost their phone and their recovery codes: turns two-factor sign-in off, replaces the authenticator
    /// key with one nobody has seen (so the old app's codes stop working), deletes the recovery codes and passkeys, and
    /// changes the security stamp so that every session of the account ends at its next check. The person is emailed.
    /// </summary>
    public Task<Outcome<AccountChange>> ResetTwoFactorAsync(Actor actor, string userId, string concurrencyStamp, string reason) =>
        ChangeAsync(userId, concurrencyStamp, async user =>
        {
            if (user.Id == actor.UserId)
            {
                return Outcome.NotAllowed<AccountChange>("You cannot reset your own two-factor sign-in. Change it from your account instead");
            }

            var passkeys = await users.GetPasskeysAsync(user);
            var hadAuthenticator = await users.GetTwoFactorEnabledAsync(user);
            if (!hadAuthenticator && passkeys.Count == 0)
            {
                return Outcome.NotAllowed<AccountChange>($"{user.DisplayName} has not set up two-factor sign-in, so there is nothing to reset");
            }

            // Recorded before UserManager's first save so that they are written with the change.
            var removed = (hadAuthenticator ? "authenticator app and recovery codes" : "no authenticator app")
                + $", {passkeys.Count} {(passkeys.Count == 1 ? "passkey" : "passkeys")}";
            audit.Record(actor.UserId, actor.Name, AdministrationAudit.UserTwoFactorReset, AdministrationAudit.UserSubject, user.Id,
                $"Two-factor sign-in of {Describe(user)} reset ({removed}). Reason: {reason.Trim()}");
            emails.QueueTwoFactorReset(user, clock.GetUtcNow().UtcDateTime);

            foreach (var passkey in passkeys)
            {
                if (await users.RemovePasskeyAsync(user, passkey.CredentialId) is { Succeeded: false } failed)
                {
                    return Saved(failed);
                }
            }

            var result = await users.SetTwoFactorEnabledAsync(user, false);
            if (result.Succeeded)
            {
                result = await users.ResetAuthenticatorKeyAsync(user);
            }

            if (result.Succeeded)
            {
                // No codes: the old ones stop working, and new ones come with setting up again.
                await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
                result = await users.UpdateSecurityStampAsync(user);
            }

            return Saved(result);
        });

    /// <summary>Someone's second factors as administrators see them, e.g. "Authenticator app and 2 passkeys", or "Not set up".</summary>
    public static async Task<string> DescribeSecondFactorsAsync(UserManager<PortalUser> users, PortalUser user)
    {
        var factors = new List<string>();
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            factors.Add("Authenticator app");
        }

        var passkeys = (await users.GetPasskeysAsync(user)).Count;
        if (passkeys > 0)
        {
            factors.Add(passkeys == 1 ? "1 passkey" : $"{passkeys} passkeys");
        }

        return factors.Count == 0 ? NoSecondFactor : string.Join(" and ", factors);
    }

    /// <summary>The roles in the portal's order, e.g. "Practitioner, Editor".</summary>
    public static string RoleList(IEnumerable<string> roles) =>
        string.Join(", ", roles.OrderBy(r => PortalRoles.All.ToList().IndexOf(r)));

    private async Task<Outcome<AccountChange>> ChangeAsync(string userId, string concurrencyStamp, Func<PortalUser, Task<Outcome<AccountChange>>> change)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return Outcome.NotFound<AccountChange>();
            }

            if (user.ConcurrencyStamp != concurrencyStamp)
            {
                return Outcome.Conflict<AccountChange>(ConflictMessage);
            }

            // The UPDATE checks the stamp the administrator saw too, so a change saved after the read above is not overwritten.
            db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = concurrencyStamp;
            var result = await change(user);
            if (result is { Succeeded: true, Value: AccountChange.Changed })
            {
                await transaction.CommitAsync();
            }

            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict<AccountChange>(ConflictMessage);
        }
        catch (Exception ex) when (IsSerializationFailure(ex))
        {
            // PostgreSQL refused one of two administrators' overlapping changes.
            return Outcome.Conflict<AccountChange>(ConflictMessage);
        }
        finally
        {
            // Whatever was not committed must not be saved by a later SaveChanges in this request.
            db.ChangeTracker.Clear();
        }
    }

    private async Task<bool> IsLastActiveAdministratorAsync(PortalUser user)
    {
        var others = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            join other in db.Users on userRole.UserId equals other.Id
            where role.Name == PortalRoles.Administrator && other.Id != user.Id && !other.IsDisabled
            select other.Id).CountAsync();
        return others == 0;
    }

    private static Outcome<AccountChange> Saved(IdentityResult result) =>
        result.Succeeded ? Outcome.Success(AccountChange.Changed)
        : result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)) ? Outcome.Conflict<AccountChange>(ConflictMessage)
        : throw new InvalidOperationException("Could not save the account: " + string.Join("; ", result.Errors.Select(e => e.Description)));

    /// <summary>PostgreSQL's serialization failure (40001) or deadlock (40P01), anywhere in the exception chain.</summary>
    private static bool IsSerializationFailure(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is DbException { SqlState: "40001" or "40P01" })
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(PortalUser user) => $"{user.DisplayName} ({user.Email})";

    private static string Reason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "" : $". Reason: {reason.Trim()}";
}
