namespace LearningPortal.Web.Pages.Manage.Agencies;

/// <summary>Every agency, active and retired, with how many accounts belong to each.</summary>
public class IndexModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<AgencyRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var counts = await db.Users.GroupBy(u => u.AgencyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        Rows = (await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Name).ToListAsync())
            .Select(a => new AgencyRow(a.Id, a.Name, a.IsActive, counts.GetValueOrDefault(a.Id)))
            .OrderBy(a => !a.IsActive)
            .ToList();
    }

    public sealed record AgencyRow(int Id, string Name, bool IsActive, int Users);
}
