using LearningPortal.Core.Supervision;

namespace LearningPortal.Web.Pages.Supervision;

/// <summary>
/// The supervision home: the records you are in, and for supervisors the follow-ups coming up and the actions
/// of their own records.
/// </summary>
public class IndexModel(DiscussionRecords records, SupervisionActions actions) : PageModel
{
    public IReadOnlyList<DiscussionRecord> Records { get; private set; } = [];

    public IReadOnlyList<FollowUpItem> FollowUps { get; private set; } = [];

    public IReadOnlyList<ActionItem> ActionsOfMyRecords { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public bool IsSupervisor => User.IsInRole(PortalRoles.Supervisor);

    [TempData]
    public string? Notice { get; set; }

    public string NameOf(string? id) => id is not null && Names.TryGetValue(id, out var name) ? name : DiscussionRecords.FormerUser;

    public async Task OnGetAsync()
    {
        var me = User.UserId();
        Records = await records.ListAsync(me);
        if (IsSupervisor)
        {
            FollowUps = await actions.UpcomingFollowUpsAsync(me);
            ActionsOfMyRecords = await actions.OpenOfMyRecordsAsync(me);
        }

        Names = await records.NamesAsync(Records.Select(r => r.SupervisorId).Concat(ActionsOfMyRecords.Select(a => a.OwnerId)));
    }
}
