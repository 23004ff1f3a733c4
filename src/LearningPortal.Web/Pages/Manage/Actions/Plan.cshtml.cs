using LearningPortal.Core.ActionPlans;

namespace LearningPortal.Web.Pages.Manage.Actions;

/// <summary>One plan: what it is for, who owns it, its actions, and the ways to add actions.</summary>
public class PlanModel(PortalDbContext db, ActionQueries queries, ActionPlanning planning) : PageModel
{
    public ActionPlan Plan { get; private set; } = default!;

    public string? For { get; private set; }

    public IReadOnlyList<string> EditorNames { get; private set; } = [];

    public IReadOnlyList<ActionRow> Actions { get; private set; } = [];

    /// <summary>Recommendations of the plan's briefing that no action answers yet.</summary>
    public int Unanswered { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.ActionPlans.AsNoTracking().Include(p => p.Editors).SingleOrDefaultAsync(p => p.Id == id) is not { } plan)
        {
            return NotFound();
        }

        Plan = plan;
        For = plan.DocumentId is { } d ? await db.Documents.Where(x => x.Id == d).Select(x => x.Title).SingleOrDefaultAsync()
            : plan.ObjectiveId is { } o ? await db.Objectives.Where(x => x.Id == o).Select(x => $"Objective {x.Number}: {x.Title}").SingleOrDefaultAsync() : null;
        var editorIds = plan.Editors.Select(e => e.UserId).ToList();
        EditorNames = await db.Users.Where(u => editorIds.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => u.DisplayName).ToListAsync();
        Actions = await queries.OfPlanAsync(id);
        if (plan.DocumentId is { } documentId)
        {
            var answered = await db.PlanActions.Where(a => a.PlanId == id && a.RecommendationId != null).Select(a => a.RecommendationId!.Value).ToListAsync();
            Unanswered = (await planning.RecommendationsAsync(documentId)).Count(r => !answered.Contains(r.Id));
        }

        return Page();
    }
}
