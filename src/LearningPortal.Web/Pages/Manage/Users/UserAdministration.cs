using System.Data;
using System.Data.Common;
using LearningPortal.Core.Accounts;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Web.Pages.Manage.Users;

/// <summary>
/// The changes an administrator makes to someone's account: roles, agency, disabling and re-enabling.
/// Each change checks the account's concurrency stamp from the form the administrator saw, runs in one
/// serialisable transaction (UserManager saves more than once for a role change, and the last-administrator
/// rule must hold when two administrators act at once) and writes its audit entry in that transaction.
/// </summary>
public class UserAdministration(PortalDbContext db, UserManager<PortalUser> users, AuditLog audit)
{
    /// <summary>The roles an administrator grants; everyone keeps Practitioner.</summary>
    public static IReadOnlyList<string> GrantableRoles { get; } = [PortalRoles.Supervisor, PortalRoles.Editor, PortalRoles.Administrator];

    public const string LastAdministratorMessage =
        "This is the last active administrator account. Make someone else an administrator first";

    public Task<ChangeResult> ChangeRolesAsync(Actor actor, string userId, string concurrencyStamp, IEnumerable<string> grantedRoles) =>
        ChangeAsync(userId, concurrencyStamp, async user =>
        {
            var current = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
            var wanted = grantedRoles.Where(GrantableRoles.Contains).Append(PortalRoles.Practitioner).ToHashSet(StringComparer.Ordinal);
            if (current.SetEquals(wanted))
            {
                return ChangeResult.NoChange;
            }

            if (current.Contains(PortalRoles.Administrator) && !wanted.Contains(PortalRoles.Administrator))
            {
                if (await IsLastActiveAdministratorAsync(user))
                {
                    return ChangeResult.Refused(LastAdministratorMessage);
                }

                if (user.Id == actor.Id)
                {
                    return ChangeResult.Refused("You cannot remove your own Administrator role. Ask another administrator to do it");
                }
            }

            // Recorded before UserManager's first save so that it is written with the change.
            audit.Record(actor.Id, actor.Name, AdministrationAudit.UserRolesChanged, AdministrationAudit.UserSubject, user.Id,
                $"Roles of {Describe(user)} changed from {RoleList(current)} to {RoleList(wanted)}");
            var removed = current.Except(wanted).ToList();
            var added = wanted.Except(current).ToList();
            var result = removed.Count > 0 ? await users.RemoveFromRolesAsync(user, removed) : IdentityResult.Success;
            if (result.Succeeded && added.Count > 0)
            {
                result = await users.AddToRolesAsync(user, added);
            }

            return Outcome(result);
        });

    public Task<ChangeResult> ChangeAgencyAsync(Actor actor, string userId, string concurrencyStamp, int agencyId) =>
        ChangeAsync(userId, concurrencyStamp, async user =>
        {
            if (user.AgencyId == agencyId)
            {
                return ChangeResult.NoChange;
            }

            var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId && a.IsActive);
            if (agency is null)
            {
                return ChangeResult.Refused("Select an agency");
            }

            var old = await db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => a.Name).SingleOrDefaultAsync();
            user.AgencyId = agency.Id;
            audit.Record(actor.Id, actor.Name, AdministrationAudit.UserAgencyChanged, AdministrationAudit.UserSubject, user.Id,
                $"Agency of {Describe(user)} changed from {old ?? "none"} to {agency.Name}");
            return Outcome(await users.UpdateAsync(user));
        });

    /// <summary>
    /// Disables the account and changes its security stamp, so that its sessions end at their next check
    /// (the sign-in manager refuses disabled accounts).
    /// </summary>
    public Task<ChangeResult> DisableAsync(Actor actor, string userId, string concurrencyStamp, string? reason) =>
        ChangeAsync(userId, concurrencyStamp, async user =>
        {
            if (user.Id == actor.Id)
            {
                return ChangeResult.Refused("You cannot disable your own account");
            }

            if (user.IsDisabled)
            {
                return ChangeResult.NoChange;
            }

            if (await users.IsInRoleAsync(user, PortalRoles.Administrator) && await IsLastActiveAdministratorAsync(user))
            {
                return ChangeResult.Refused(LastAdministratorMessage);
            }

            user.IsDisabled = true;
            audit.Record(actor.Id, actor.Name, AdministrationAudit.UserDisabled, AdministrationAudit.UserSubject, user.Id,
                $"Account of {Describe(user)} disabled{Reason(reason)}");
            return Outcome(await users.UpdateSecurityStampAsync(user));
        });

    public Task<ChangeResult> EnableAsync(Actor actor, string userId, string concurrencyStamp, string? reason) =>
        ChangeAsync(userId, concurrencyStamp, async user =>
        {
            if (!user.IsDisabled)
            {
                return ChangeResult.NoChange;
            }

            user.IsDisabled = false;
            audit.Record(actor.Id, actor.Name, AdministrationAudit.UserEnabled, AdministrationAudit.UserSubject, user.Id,
                $"Account of {Describe(user)} re-enabled{Reason(reason)}");
            return Outcome(await users.UpdateAsync(user));
        });

    /// <summary>The roles in the portal's order, e.g. "Practitioner, Editor".</summary>
    public static string RoleList(IEnumerable<string> roles) =>
        string.Join(", ", roles.OrderBy(r => PortalRoles.All.ToList().IndexOf(r)));

    private async Task<ChangeResult> ChangeAsync(string userId, string concurrencyStamp, Func<PortalUser, Task<ChangeResult>> change)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return ChangeResult.NotFound;
            }

            if (user.ConcurrencyStamp != concurrencyStamp)
            {
                return ChangeResult.Conflict;
            }

            // The UPDATE checks the stamp the administrator saw too, so a change saved after the read above is not overwritten.
            db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = concurrencyStamp;
            var result = await change(user);
            if (result.Outcome == ChangeOutcome.Done)
            {
                await transaction.CommitAsync();
            }

            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangeResult.Conflict;
        }
        catch (Exception ex) when (IsSerializationFailure(ex))
        {
            // PostgreSQL refused one of two administrators' overlapping changes.
            return ChangeResult.Conflict;
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

    private static ChangeResult Outcome(IdentityResult result) =>
        result.Succeeded ? ChangeResult.Done
        : result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)) ? ChangeResult.Conflict
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
