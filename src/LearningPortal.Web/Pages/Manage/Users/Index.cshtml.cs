namespace LearningPortal.Web.Pages.Manage.Users;

/// <summary>Finds accounts by name or email, filtered by role and agency, 50 to a page.</summary>
public class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? AgencyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public int TotalCount { get; private set; }

    public int TotalPages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public IReadOnlyList<SelectListItem> RoleItems { get; } = PortalRoles.All.Select(r => new SelectListItem(r, r)).ToList();

    public IReadOnlyList<SelectListItem> AgencyItems { get; private set; } = [];

    public async Task OnGetAsync()
    {
        AgencyItems = await db.Agencies.OrderBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new SelectListItem(a.IsActive ? a.Name : a.Name + " (retired)", a.Id.ToString()))
            .ToListAsync();

        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToUpperInvariant();
#pragma warning disable CA1862 // EF translates ToUpper() to SQL; the StringComparison overloads are not translated.
            query = query.Where(u => u.DisplayName.ToUpper().Contains(term) || u.NormalizedEmail!.Contains(term));
#pragma warning restore CA1862
        }

        if (!string.IsNullOrEmpty(Role))
        {
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role)));
        }

        if (AgencyId is { } agencyId)
        {
            query = query.Where(u => u.AgencyId == agencyId);
        }

        TotalCount = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, TotalPages);
        var users = await query.OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.DisplayName, u.Email, Agency = u.Agency!.Name, u.IsDisabled, u.LockoutEnd, u.EmailConfirmed, u.LastSignInUtc })
            .ToListAsync();

        var ids = users.Select(u => u.Id).ToList();
        var roles = (await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                where ids.Contains(userRole.UserId)
                select new { userRole.UserId, role.Name }).ToListAsync())
            .ToLookup(r => r.UserId, r => r.Name!);

        var now = clock.GetUtcNow();
        Rows = users.Select(u => new UserRow(
            u.Id, u.DisplayName, u.Email ?? "", u.Agency, UserAdministration.RoleList(roles[u.Id]),
            UserStatus.Of(u.IsDisabled, u.LockoutEnd, u.EmailConfirmed, now), u.LastSignInUtc)).ToList();
    }

    public string PageUrl(int pageNumber) =>
        Url.Page("/Manage/Users/Index", new { search = Search, role = Role, agencyId = AgencyId, pageNumber })!;

    public sealed record UserRow(string Id, string Name, string Email, string Agency, string Roles, UserStatus Status, DateTime? LastSignInUtc);
}
