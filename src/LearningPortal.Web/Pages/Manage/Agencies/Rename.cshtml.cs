namespace LearningPortal.Web.Pages.Manage.Agencies;

public class RenameModel(PortalDbContext db, AgencyAdministration agencies) : PageModel
{
    [BindProperty]
    public NameInput Input { get; set; } = new();

    /// <summary>The name when the page was opened, so a rename by someone else in between is not overwritten.</summary>
    [BindProperty]
    public string CurrentName { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var agency = await db.Agencies.FindAsync(id);
        if (agency is null)
        {
            return NotFound();
        }

        CurrentName = agency.Name;
        Input.Name = agency.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await agencies.RenameAsync(await this.ActorAsync(), id, CurrentName, Input.Name);
        switch (result.Refusal)
        {
            case Refusal.None:
                if (result.Value == AccountChange.Changed)
                {
                    TempData["Success"] = $"{CurrentName} renamed to {Input.Name.Trim()}";
                }

                break;
            case Refusal.Conflict:
                ModelState.Clear();
                ModelState.AddRefusal(result);
                return await OnGetAsync(id);
            default:
                return this.Refused(result, Page);
        }

        return RedirectToPage("/Manage/Agencies/Index");
    }
}
