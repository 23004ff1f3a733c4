namespace LearningPortal.Web.Pages.Manage.Agencies;

/// <summary>Confirms retiring an agency (/retire) or reinstating a retired one (/reinstate).</summary>
public class StatusModel(PortalDbContext db, AgencyAdministration agencies) : PageModel
{
    public Agency Agency { get; private set; } = default!;

    public int Users { get; private set; }

    /// <summary>True on /reinstate, false on /retire.</summary>
    public bool Reinstating { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string change) =>
        await LoadAsync(id, change) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, string change)
    {
        if (!await LoadAsync(id, change))
        {
            return NotFound();
        }

        var result = await agencies.SetActiveAsync(await this.ActorAsync(), id, active: Reinstating);
        if (!result.Succeeded)
        {
            return this.Refused(result, Page, map: _ => "");
        }

        if (result.Value == AccountChange.Changed)
        {
            TempData["Success"] = $"{Agency.Name} {(Reinstating ? "reinstated" : "retired")}";
        }

        return RedirectToPage("/Manage/Agencies/Index");
    }

    private async Task<bool> LoadAsync(int id, string change)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id);
        if (agency is null || change is not ("retire" or "reinstate"))
        {
            return false;
        }

        Agency = agency;
        Reinstating = change == "reinstate";
        Users = await db.Users.CountAsync(u => u.AgencyId == id);
        return true;
    }
}
