namespace LearningPortal.Web.Accounts;

/// <summary>The agencies a person may choose: the active ones in the partnership's order, plus their current one if it has been retired since.</summary>
public class AgencyChoices(PortalDbContext db)
{
    public async Task<IReadOnlyList<SelectListItem>> ListAsync(int? current = null)
    {
        var agencies = await db.Agencies
            .Where(a => a.IsActive || a.Id == current)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new { a.Id, a.Name })
            .ToListAsync();
        return agencies.Select(a => new SelectListItem(a.Name, a.Id.ToString(CultureInfo.InvariantCulture))).ToList();
    }

    public Task<bool> IsChoosableAsync(int agencyId, int? current = null) =>
        db.Agencies.AnyAsync(a => a.Id == agencyId && (a.IsActive || a.Id == current));
}
