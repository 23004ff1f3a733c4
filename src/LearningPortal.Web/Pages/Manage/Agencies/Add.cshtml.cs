namespace LearningPortal.Web.Pages.Manage.Agencies;

public class AddModel(AgencyAdministration agencies) : PageModel
{
    [BindProperty]
    public NameInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await agencies.AddAsync(await this.ActorAsync(), Input.Name);
        if (!result.Succeeded)
        {
            return this.Refused(result, Page);
        }

        TempData["Success"] = $"{Input.Name.Trim()} added";
        return RedirectToPage("/Manage/Agencies/Index");
    }
}

/// <summary>An agency's name, as typed on the add and rename pages.</summary>
public class NameInput
{
    [Required(ErrorMessage = "Enter the agency name")]
    [StringLength(AgencyAdministration.MaxNameLength, ErrorMessage = "Agency name must be 200 characters or fewer")]
    public string Name { get; set; } = "";
}
