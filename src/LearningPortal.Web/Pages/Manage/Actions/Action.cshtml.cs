using LearningPortal.Core.ActionPlans;

namespace LearningPortal.Web.Pages.Manage.Actions;

/// <summary>One action for Editors: its details, updates and history.</summary>
public class ActionModel(ActionQueries queries) : PageModel
{
    public ActionDetail Action { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await queries.FindAsync(id, User.UserId(), viewerIsEditor: true) is not { } action)
        {
            return NotFound();
        }

        Action = action;
        return Page();
    }
}
