using LearningPortal.Core.Privacy;
using LearningPortal.Web.Accounts;

namespace LearningPortal.Web.Pages.Manage.Users;

/// <summary>
/// Produces someone's subject access export for a request received by post, with the reason in the audit log. It
/// leaves out supervision text, which stays readable only by the people in each record; the export lists those
/// records and tells the person how to download them. Two factors, as for the other powerful account changes.
/// </summary>
[Authorize(Policy = PortalPolicies.TwoFactor)]
public class PersonalDataModel(PortalDbContext db, PersonalDataExport export) : PageModel
{
    public PortalUser Subject { get; private set; } = default!;

    [BindProperty]
    public PersonalDataInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var request = new PersonalDataRequest.ByAdministrator(await this.ActorAsync(), Input.Reason!.Trim());
        if (!await export.RecordAsync(id, request, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        return new PersonalDataDownload(export, id, request);
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id) is not { } user)
        {
            return false;
        }

        Subject = user;
        return true;
    }
}

public class PersonalDataInput
{
    [Required(ErrorMessage = "Enter the reason for exporting this person's data")]
    [StringLength(500, ErrorMessage = "Reason must be 500 characters or fewer")]
    public string? Reason { get; set; }
}
