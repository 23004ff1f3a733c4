using LearningPortal.Core.ActionPlans;
using LearningPortal.Web.Pages.Actions;

namespace LearningPortal.Web.Pages.Manage.Actions.Groups;

/// <summary>Renames a partnership group; a rename by someone else meanwhile is a conflict.</summary>
public class RenameModel(PartnershipGroups groups) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string CurrentName { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await groups.FindAsync(id) is not { } group)
        {
            return NotFound();
        }

        CurrentName = group.Name;
        Name = group.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var result = await groups.RenameAsync(id, CurrentName, Name, await this.ActionActorAsync());
        switch (result.Refusal)
        {
            case Refusal.None:
                TempData["Success"] = $"Group renamed to {Name!.Trim()}";
                return RedirectToPage("/Manage/Actions/Groups/Index");
            case Refusal.NotFound:
                return NotFound();
            case Refusal.Conflict:
                ModelState.AddModelError(nameof(Name), result.Message!);
                return Page();
            default:
                ModelState.AddRefusal(result, map: f => f);
                return Page();
        }
    }
}
