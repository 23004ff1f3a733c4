using LearningPortal.Core.ActionPlans;

namespace LearningPortal.Web.Pages.Manage.Actions;

/// <summary>The partnership's plans with how their actions stand.</summary>
public class PlansModel(PortalDbContext db, ActionQueries queries) : PageModel
{
    public sealed record PlanRow(int Id, string Title, string? For, bool IsPublic, IReadOnlyDictionary<ActionStanding, int> Counts);

    public IReadOnlyList<PlanRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var today = queries.Today;
        var plans = await db.ActionPlans.AsNoTracking().OrderBy(p => p.Title)
            .Select(p => new
            {
                p.Id, p.Title, p.IsPublic,
                Document = db.Documents.Where(d => d.Id == p.DocumentId).Select(d => d.Title).FirstOrDefault(),
                Objective = db.Objectives.Where(o => o.Id == p.ObjectiveId).Select(o => o.Title).FirstOrDefault(),
            }).ToListAsync();
        var actions = await db.PlanActions.AsNoTracking().Select(a => new { a.PlanId, a.Status, a.DueOn }).ToListAsync();
        Rows = plans.Select(p => new PlanRow(p.Id, p.Title, p.Document ?? p.Objective, p.IsPublic,
            Enum.GetValues<ActionStanding>().ToDictionary(s => s, s => actions.Count(a => a.PlanId == p.Id && PlanAction.Standing(a.Status, a.DueOn, today) == s)))).ToList();
    }
}
