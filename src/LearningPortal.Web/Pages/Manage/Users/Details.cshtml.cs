using LearningPortal.Core.Auditing;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Manage.Users;

/// <summary>One account: its details, links to change them, and the latest changes from the audit log.</summary>
public class DetailsModel(PortalDbContext db, UserManager<PortalUser> users, AuditLog audit, TimeProvider clock) : PageModel
{
    public PortalUser Subject { get; private set; } = default!;

    public string AgencyName { get; private set; } = "";

    public string Roles { get; private set; } = "";

    public UserStatus Status { get; private set; } = default!;

    /// <summary>The account's second factors, e.g. "Authenticator app and 1 passkey", or "Not set up".</summary>
    public string TwoFactor { get; private set; } = "";

    public bool HasSecondFactor => TwoFactor != UserAdministration.NoSecondFactor;

    public IReadOnlyList<AuditEntry> RecentChanges { get; private set; } = [];

    /// <summary>Who made each change, by their current name.</summary>
    public Func<AuditEntry, string> ActorName { get; private set; } = e => e.ActorName;

    /// <summary>True when administrators look at their own account, which they cannot disable.</summary>
    public bool IsOwnAccount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Agency).SingleOrDefaultAsync(u => u.Id == id);
        if (user is null)
        {
            return NotFound();
        }

        Subject = user;
        AgencyName = user.Agency is { } agency ? agency.Name + (agency.IsActive ? "" : " (retired)") : "";
        Roles = UserAdministration.RoleList(await users.GetRolesAsync(user));
        Status = UserStatus.Of(user, clock.GetUtcNow());
        TwoFactor = await UserAdministration.DescribeSecondFactorsAsync(users, user);
        IsOwnAccount = users.GetUserId(User) == user.Id;
        RecentChanges = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectType == AdministrationAudit.UserSubject && e.SubjectId == id)
            .OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id)
            .Take(5).ToListAsync();
        ActorName = await audit.ActorNamesAsync(RecentChanges);
        return Page();
    }
}
