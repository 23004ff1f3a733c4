using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>Change your name, agency and job role.</summary>
public class ChangeDetailsModel(UserManager<PortalUser> users, AgencyChoices agencies) : PageModel
{
    [BindProperty]
    public DetailsInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Input = new DetailsInput { FullName = user.DisplayName, AgencyId = user.AgencyId, JobRole = user.JobRole };
        Agencies = await agencies.ListAsync(user.AgencyId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (Input.AgencyId is { } agencyId && !await agencies.IsChoosableAsync(agencyId, user.AgencyId))
        {
            ModelState.AddModelError("Input.AgencyId", "Select your agency");
        }

        if (!ModelState.IsValid)
        {
            Agencies = await agencies.ListAsync(user.AgencyId);
            return Page();
        }

        user.DisplayName = Input.FullName!.Trim();
        user.AgencyId = Input.AgencyId!.Value;
        user.JobRole = Input.JobRole!.Trim();
        await users.UpdateAsync(user);
        return RedirectToPage("Index", new { updated = "details" });
    }
}

public class DetailsInput
{
    [Required(ErrorMessage = "Enter your full name")]
    [StringLength(200, ErrorMessage = "Full name must be 200 characters or fewer")]
    public string? FullName { get; set; }

    [Required(ErrorMessage = "Select your agency")]
    public int? AgencyId { get; set; }

    [Required(ErrorMessage = "Enter your job role")]
    [StringLength(200, ErrorMessage = "Job role must be 200 characters or fewer")]
    public string? JobRole { get; set; }
}
