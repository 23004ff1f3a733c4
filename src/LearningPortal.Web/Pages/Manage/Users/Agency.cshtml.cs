namespace LearningPortal.Web.Pages.Manage.Users;

/// <summary>Moves an account to another active agency.</summary>
public class AgencyModel(PortalDbContext db, UserAdministration administration) : UserChangePageModel(db)
{
    [BindProperty]
    public AgencyInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> AgencyItems { get; private set; } = [];

    /// <summary>True when the account's agency has been retired, so it is not in the list.</summary>
    public bool CurrentAgencyRetired => Subject.Agency is { IsActive: false };

    public Task<IActionResult> OnGetAsync(string id) => ShowFormAsync(id);

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (Input.AgencyId is { } chosen && !await Db.Agencies.AnyAsync(a => a.Id == chosen && a.IsActive))
        {
            ModelState.AddModelError("Input.AgencyId", "Select an agency");
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }

        var result = await administration.ChangeAgencyAsync(await this.ActorAsync(), id, Input.ConcurrencyStamp, Input.AgencyId!.Value);
        return await AfterChangeAsync(result, id, "Agency updated", "Input.AgencyId");
    }

    protected override async Task<bool> LoadAsync(string id)
    {
        if (!await base.LoadAsync(id))
        {
            return false;
        }

        AgencyItems = await Db.Agencies.Where(a => a.IsActive).OrderBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync();
        return true;
    }

    protected override Task FillFromSubjectAsync()
    {
        Input.AgencyId = CurrentAgencyRetired ? null : Subject.AgencyId;
        Input.ConcurrencyStamp = Subject.ConcurrencyStamp ?? "";
        return Task.CompletedTask;
    }

    public class AgencyInput
    {
        [Required(ErrorMessage = "Select an agency")]
        public int? AgencyId { get; set; }

        public string ConcurrencyStamp { get; set; } = "";
    }
}
