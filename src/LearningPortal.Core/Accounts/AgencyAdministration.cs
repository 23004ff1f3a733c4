using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Accounts;

/// <summary>
/// Adds, renames, retires and reinstates agencies. Names are unique ignoring case; retired agencies stay on
/// the accounts that have them but are left out of the lists people choose from.
/// </summary>
public class AgencyAdministration(PortalDbContext db, AuditLog audit)
{
    public const int MaxNameLength = 200;

    /// <summary>The error for a name already in use, or null when it is free (ignoring case).</summary>
    public async Task<string?> NameInUseAsync(string name, int? exceptId = null)
    {
        var upper = name.Trim().ToUpperInvariant();
#pragma warning disable CA1862 // EF translates ToUpper() to SQL; the StringComparison overloads are not translated.
        var existing = await db.Agencies.AsNoTracking()
            .Where(a => a.Name.ToUpper() == upper && a.Id != exceptId)
            .FirstOrDefaultAsync();
#pragma warning restore CA1862
        return existing switch
        {
            null => null,
            { IsActive: false } => $"There is already a retired agency called {existing.Name}. Reinstate it instead",
            _ => $"There is already an agency called {existing.Name}",
        };
    }

    public async Task<Outcome<AccountChange>> AddAsync(Actor actor, string name)
    {
        name = name.Trim();
        if (await NameInUseAsync(name) is { } error)
        {
            return Outcome.Invalid<AccountChange>(nameof(Agency.Name), error);
        }

        var order = await db.Agencies.Select(a => (int?)a.SortOrder).MaxAsync() ?? -1;
        var agency = new Agency { Name = name, SortOrder = order + 1 };
        return await SaveAsync(name, async () =>
        {
            // The audit entry names the new agency's id, which exists only after the insert: one transaction holds both.
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            audit.Record(actor.UserId, actor.Name, AdministrationAudit.AgencyAdded, AdministrationAudit.AgencySubject,
                agency.Id.ToString(), $"Agency {name} added");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
    }

    public async Task<Outcome<AccountChange>> RenameAsync(Actor actor, int id, string expectedName, string newName)
    {
        newName = newName.Trim();
        var agency = await db.Agencies.FindAsync(id);
        if (agency is null)
        {
            return Outcome.NotFound<AccountChange>();
        }

        if (agency.Name != expectedName)
        {
            return Outcome.Conflict<AccountChange>("Someone else renamed this agency after you opened this page. Check its name and try again");
        }

        if (agency.Name == newName)
        {
            return Outcome.Success(AccountChange.Unchanged);
        }

        if (await NameInUseAsync(newName, id) is { } error)
        {
            return Outcome.Invalid<AccountChange>(nameof(Agency.Name), error);
        }

        audit.Record(actor.UserId, actor.Name, AdministrationAudit.AgencyRenamed, AdministrationAudit.AgencySubject, id.ToString(),
            $"Agency renamed from {agency.Name} to {newName}");
        agency.Name = newName;
        return await SaveAsync(newName, () => db.SaveChangesAsync());
    }

    public async Task<Outcome<AccountChange>> SetActiveAsync(Actor actor, int id, bool active)
    {
        var agency = await db.Agencies.FindAsync(id);
        if (agency is null)
        {
            return Outcome.NotFound<AccountChange>();
        }

        if (agency.IsActive == active)
        {
            return Outcome.Success(AccountChange.Unchanged);
        }

        if (!active && !await db.Agencies.AnyAsync(a => a.IsActive && a.Id != id))
        {
            return Outcome.NotAllowed<AccountChange>("This is the only active agency. Add or reinstate another agency first");
        }

        agency.IsActive = active;
        audit.Record(actor.UserId, actor.Name, active ? AdministrationAudit.AgencyReinstated : AdministrationAudit.AgencyRetired,
            AdministrationAudit.AgencySubject, id.ToString(), $"Agency {agency.Name} {(active ? "reinstated" : "retired")}");
        await db.SaveChangesAsync();
        return Outcome.Success(AccountChange.Changed);
    }

    /// <summary>Saves; when another administrator took the same name at the same moment, the unique index refuses it.</summary>
    private async Task<Outcome<AccountChange>> SaveAsync(string name, Func<Task> save)
    {
        try
        {
            await save();
            return Outcome.Success(AccountChange.Changed);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await NameInUseAsync(name) is { } error)
            {
                return Outcome.Invalid<AccountChange>(nameof(Agency.Name), error);
            }

            throw;
        }
    }
}
