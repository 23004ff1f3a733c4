using LearningPortal.Core.ActionPlans;

namespace LearningPortal.Web.Pages.Actions;

/// <summary>One action for its lead (or an Editor): details, updates and history. Anyone else gets not found.</summary>
public class ActionModel(ActionQueries queries) : PageModel
{
    public ActionDetail Action { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await queries.FindAsync(id, User.UserId(), User.IsInRole(PortalRoles.Editor)) is not { } action)
        {
            return NotFound();
        }

        Action = action;
        return Page();
    }
}
