using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.ActionPlans;

/// <summary>A partnership group in the Editors' list, with how many actions it owns.</summary>
public sealed record PartnershipGroupRow(int Id, string Name, bool IsActive, int Actions);

/// <summary>
/// The managed list of partnership groups that own actions (the Neglect subgroup, the Executive...), kept like agencies:
/// names unique ignoring case; a retired group stays on the actions it owns but cannot be chosen for new ones.
/// </summary>
public class PartnershipGroups(PortalDbContext db, AuditLog audit)
{
    public const int MaxNameLength = 200;

    public async Task<IReadOnlyList<PartnershipGroupRow>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.PartnershipGroups.AsNoTracking().OrderBy(g => !g.IsActive).ThenBy(g => g.SortOrder).ThenBy(g => g.Name)
            .Select(g => new PartnershipGroupRow(g.Id, g.Name, g.IsActive, db.PlanActions.Count(a => a.OwnerGroupId == g.Id)))
            .ToListAsync(cancellationToken);

    public async Task<PartnershipGroup?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        await db.PartnershipGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken);

    public async Task<Outcome<int>> AddAsync(string? name, ActionActor actor, CancellationToken cancellationToken = default)
    {
        if (await CheckNameAsync(name, null, cancellationToken) is { } error)
        {
            return error;
        }

        var order = await db.PartnershipGroups.MaxAsync(g => (int?)g.SortOrder, cancellationToken) ?? 0;
        var group = new PartnershipGroup { Name = name!.Trim(), SortOrder = order + 1 };
        db.PartnershipGroups.Add(group);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(actor.Who, "group.added", "partnership-group", ActionPlanning.Id(group.Id), $"Partnership group {group.Name} added");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Success(group.Id);
    }

    /// <summary>Renames a group; <paramref name="expectedName"/> is the name the form showed (a rename since is a conflict).</summary>
    public async Task<Outcome<int>> RenameAsync(int id, string expectedName, string? name, ActionActor actor, CancellationToken cancellationToken = default)
    {
        var group = await db.PartnershipGroups.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return Outcome.NotFound<int>();
        }

        if (group.Name != expectedName)
        {
            return Outcome.Conflict<int>("Someone else renamed this group after you opened this page. Check its name and try again");
        }

        if (await CheckNameAsync(name, id, cancellationToken) is { } error)
        {
            return error;
        }

        if (group.Name != name!.Trim())
        {
            audit.Record(actor.Who, "group.renamed", "partnership-group", ActionPlanning.Id(id), $"Partnership group renamed from {group.Name} to {name.Trim()}");
            group.Name = name.Trim();
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Success(id);
    }

    public async Task<Outcome<int>> SetActiveAsync(int id, bool active, ActionActor actor, CancellationToken cancellationToken = default)
    {
        var group = await db.PartnershipGroups.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return Outcome.NotFound<int>();
        }

        if (group.IsActive != active)
        {
            group.IsActive = active;
            audit.Record(actor.Who, active ? "group.reinstated" : "group.retired", "partnership-group", ActionPlanning.Id(id),
                $"Partnership group {group.Name} {(active ? "reinstated" : "retired")}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Success(id);
    }

    private async Task<Outcome<int>?> CheckNameAsync(string? name, int? exceptId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Outcome.Invalid<int>("Name", "Enter the group's name");
        }

        if (name.Trim().Length > MaxNameLength)
        {
            return Outcome.Invalid<int>("Name", $"The name must be {MaxNameLength} characters or fewer");
        }

        var upper = name.Trim().ToUpperInvariant();
#pragma warning disable CA1862 // EF translates ToUpper() to SQL; the StringComparison overloads are not translated.
        var existing = await db.PartnershipGroups.AsNoTracking().Where(g => g.Name.ToUpper() == upper && g.Id != exceptId).FirstOrDefaultAsync(cancellationToken);
#pragma warning restore CA1862
        return existing switch
        {
            null => null,
            { IsActive: false } => Outcome.Invalid<int>("Name", $"There is already a retired group called {existing.Name}. Reinstate it instead"),
            _ => Outcome.Invalid<int>("Name", $"There is already a group called {existing.Name}"),
        };
    }
}
