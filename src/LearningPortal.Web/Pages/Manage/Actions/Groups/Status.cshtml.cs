using LearningPortal.Core.ActionPlans;
using LearningPortal.Web.Pages.Actions;

namespace LearningPortal.Web.Pages.Manage.Actions.Groups;

/// <summary>Confirms retiring a group (/retire) or reinstating a retired one (/reinstate).</summary>
public class StatusModel(PartnershipGroups groups) : PageModel
{
    public PartnershipGroup Group { get; private set; } = default!;

    public bool Reinstating { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string change) => await LoadAsync(id, change) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, string change)
    {
        if (!await LoadAsync(id, change))
        {
            return NotFound();
        }

        await groups.SetActiveAsync(id, Reinstating, await this.ActionActorAsync());
        TempData["Success"] = $"{Group.Name} {(Reinstating ? "reinstated" : "retired")}";
        return RedirectToPage("/Manage/Actions/Groups/Index");
    }

    private async Task<bool> LoadAsync(int id, string change)
    {
        if (change is not ("retire" or "reinstate") || await groups.FindAsync(id) is not { } group)
        {
            return false;
        }

        Group = group;
        Reinstating = change == "reinstate";
        return true;
    }
}
