using LearningPortal.Core.Supervision;

namespace LearningPortal.Web.Pages.Supervision;

/// <summary>My actions: every action the signed-in person owns, overdue first, then due soon, open and done.</summary>
public class MyActionsModel(SupervisionActions actions) : PageModel
{
    public IReadOnlyList<ActionItem> Actions { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => Actions = await actions.MineAsync(User.UserId());

    public IReadOnlyList<ActionItem> With(ActionUrgency urgency) => Actions.Where(a => a.Urgency == urgency).ToList();
}
