using LearningPortal.Core.ActionPlans;

namespace LearningPortal.Web.Pages.Manage.Actions.Assurance;

/// <summary>Every assurance request, open ones first, with how many of the agencies asked have answered.</summary>
public class IndexModel(AssuranceRequests requests) : PageModel
{
    public IReadOnlyList<AssuranceRequestRow> Rows { get; private set; } = [];

    public DateOnly Today => requests.Today;

    public async Task OnGetAsync() => Rows = await requests.ListAsync();
}
