using LearningPortal.Core.ActionPlans;
using LearningPortal.Web.Pages.Actions;

namespace LearningPortal.Web.Pages.Manage.Actions;

/// <summary>Creates a plan for a briefing or audit report, for an objective, or on its own.</summary>
public class NewPlanModel(ActionPlanning planning, ActionChoices choices) : PageModel
{
    [BindProperty]
    public PlanForm Input { get; set; } = new();

    public PlanChoices Choices { get; private set; } = default!;

    public async Task OnGetAsync(int? briefing)
    {
        Input.DocumentId = briefing;
        Input.EditorIds = [User.UserId()];
        Choices = await PlanChoices.LoadAsync(choices);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await planning.CreatePlanAsync(Input.ToInput(), await this.ActionActorAsync());
        if (result.Refusal == Refusal.None)
        {
            TempData["Success"] = "Plan created";
            return RedirectToPage("/Manage/Actions/Plan", new { id = result.Value });
        }

        ModelState.AddRefusal(result, map: f => "Input." + f);
        Choices = await PlanChoices.LoadAsync(choices);
        return Page();
    }
}

/// <summary>The plan form's fields (creating and changing a plan).</summary>
public sealed class PlanForm
{
    public string? Title { get; set; }

    public int? DocumentId { get; set; }

    public Guid? ObjectiveId { get; set; }

    /// <summary>"yes" or "no".</summary>
    public string? IsPublic { get; set; } = "no";

    public List<string> EditorIds { get; set; } = [];

    public PlanInput ToInput() => new(Title, DocumentId, ObjectiveId, IsPublic == "yes", EditorIds.Where(e => !string.IsNullOrEmpty(e)).ToList());
}

/// <summary>The lists the plan form offers.</summary>
public sealed record PlanChoices(IReadOnlyList<SelectListItem> Briefings, IReadOnlyList<SelectListItem> Objectives, IReadOnlyList<SelectListItem> Editors)
{
    public static IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes, show counts by status and each action's public summary on the briefing page", "yes"), new("No", "no")];

    public static async Task<PlanChoices> LoadAsync(ActionChoices choices) => new(
        (await choices.BriefingsAsync()).Select(b => new SelectListItem(b.Title, b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
        (await choices.ObjectivesAsync()).Where(o => o.IsCurrent).Select(o => new SelectListItem($"{o.Number}. {o.Title}", o.Id.ToString())).ToList(),
        (await choices.EditorsAsync()).Select(e => new SelectListItem(e.Name, e.Id)).ToList());
}
