using LearningPortal.Core.ActionPlans;
using LearningPortal.Web.Pages.Actions;

namespace LearningPortal.Web.Pages.Manage.Actions.Groups;

/// <summary>Adds a partnership group.</summary>
public class AddModel(PartnershipGroups groups) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await groups.AddAsync(Name, await this.ActionActorAsync());
        if (result.Refusal != Refusal.None)
        {
            ModelState.AddRefusal(result, map: f => f);
            return Page();
        }

        TempData["Success"] = $"{Name!.Trim()} added";
        return RedirectToPage("/Manage/Actions/Groups/Index");
    }
}
