using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Manage.Users;

/// <summary>Grants or removes the Supervisor, Editor and Administrator roles; everyone stays a Practitioner.</summary>
public class RolesModel(PortalDbContext db, UserManager<PortalUser> users, UserAdministration administration) : UserChangePageModel(db)
{
    [BindProperty]
    public RolesInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> RoleItems { get; } =
        UserAdministration.GrantableRoles.Select(r => new SelectListItem(r, r)).ToList();

    public Task<IActionResult> OnGetAsync(string id) => ShowFormAsync(id);

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (Input.Roles.Any(r => !UserAdministration.GrantableRoles.Contains(r)))
        {
            ModelState.AddModelError("Input.Roles", "Select roles from the list");
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }

        var result = await administration.ChangeRolesAsync(await this.ActorAsync(), id, Input.ConcurrencyStamp, Input.Roles);
        return await AfterChangeAsync(result, id, "Roles updated", "Input.Roles");
    }

    protected override async Task FillFromSubjectAsync()
    {
        Input.Roles = (await users.GetRolesAsync(Subject)).Where(UserAdministration.GrantableRoles.Contains).ToList();
        Input.ConcurrencyStamp = Subject.ConcurrencyStamp ?? "";
    }

    public class RolesInput
    {
        public List<string> Roles { get; set; } = [];

        public string ConcurrencyStamp { get; set; } = "";
    }
}
