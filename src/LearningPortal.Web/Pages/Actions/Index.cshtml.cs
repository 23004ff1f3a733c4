using LearningPortal.Core.ActionPlans;

namespace LearningPortal.Web.Pages.Actions;

/// <summary>The actions the signed-in person leads: overdue and due soon first, then the rest, then done.</summary>
public class IndexModel(ActionQueries queries) : PageModel
{
    public const int DueSoonDays = 14;

    public IReadOnlyList<ActionRow> Overdue { get; private set; } = [];

    public IReadOnlyList<ActionRow> DueSoon { get; private set; } = [];

    public IReadOnlyList<ActionRow> Later { get; private set; } = [];

    public IReadOnlyList<ActionRow> Done { get; private set; } = [];

    /// <summary>The lists in page order, with their headings.</summary>
    public IReadOnlyList<(string Heading, IReadOnlyList<ActionRow> Rows)> Groups =>
        [("Overdue", Overdue), ($"Due in the next {DueSoonDays} days", DueSoon), ("Due later", Later), ("Done", Done)];

    public async Task OnGetAsync()
    {
        var rows = await queries.OfLeadAsync(User.UserId());
        var soon = queries.Today.AddDays(DueSoonDays);
        Overdue = rows.Where(r => r.Standing == ActionStanding.Overdue).ToList();
        Done = rows.Where(r => r.Standing == ActionStanding.Done).ToList();
        DueSoon = rows.Where(r => r.Standing is not (ActionStanding.Overdue or ActionStanding.Done) && r.DueOn <= soon).ToList();
        Later = rows.Where(r => r.Standing is not (ActionStanding.Overdue or ActionStanding.Done) && r.DueOn > soon).ToList();
    }
}
