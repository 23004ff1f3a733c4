using LearningPortal.Core.ActionPlans;

namespace LearningPortal.Web.Pages.Manage.Actions.Groups;

/// <summary>The partnership groups that can own actions, with how many each owns.</summary>
public class IndexModel(PartnershipGroups groups) : PageModel
{
    public IReadOnlyList<PartnershipGroupRow> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await groups.ListAsync();
}
