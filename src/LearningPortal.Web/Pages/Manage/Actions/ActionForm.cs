using LearningPortal.Core.ActionPlans;
using LearningPortal.Web.Pages.Actions;
using LearningPortal.Web.Training;

namespace LearningPortal.Web.Pages.Manage.Actions;

/// <summary>The action form's fields (adding and changing an action), in the order the page shows them.</summary>
public sealed class ActionForm
{
    public string? RecommendationId { get; set; }

    public string? What { get; set; }

    public string? PublicSummary { get; set; }

    /// <summary>"group:ID" or "agency:ID".</summary>
    public string? Owner { get; set; }

    public string? LeadUserId { get; set; }

    public DateInput DueOn { get; set; } = new();

    public string? Status { get; set; }

    /// <summary>The past due date (yyyy-mm-dd) the person was warned about; saving with the same date confirms it.</summary>
    public string? ConfirmedDueOn { get; set; }

    public ActionInput ToInput()
    {
        var owner = ActionQueries.ParseOwner(Owner);
        return new ActionInput(What, PublicSummary, Guid.TryParse(RecommendationId, out var r) ? r : null,
            owner is { IsAgency: true } ? owner.Value.Id : null, owner is { IsAgency: false } ? owner.Value.Id : null,
            LeadUserId, DueOn.ToDate(), Enum.TryParse<PlanActionStatus>(Status, out var s) ? s : PlanActionStatus.NotStarted);
    }

    /// <summary>The service's field names as this form's (the owner's two ids are one choice here; the date is DueOn.Day).</summary>
    public static string FieldName(string field) => field switch
    {
        nameof(ActionInput.DueOn) => "Input.DueOn",
        _ => "Input." + field,
    };
}

/// <summary>The lists the action form offers.</summary>
public sealed record ActionFormChoices(IReadOnlyList<SelectListItem> Recommendations, IReadOnlyList<SelectListItem> Owners, IReadOnlyList<SelectListItem> Leads)
{
    public static IReadOnlyList<SelectListItem> Statuses { get; } =
        ActionPages.Statuses.Where(s => s.Value != nameof(PlanActionStatus.Done)).Select(s => new SelectListItem(s.Text, s.Value)).ToList();

    public static async Task<ActionFormChoices> LoadAsync(ActionChoices choices, ActionPlanning planning, int? documentId) => new(
        documentId is { } d
            ? (await planning.RecommendationsAsync(d)).Select((r, i) => new SelectListItem($"{i + 1}. {r.Text}", r.Id.ToString())).ToList()
            : [],
        (await choices.OwnersAsync()).Select(o => new SelectListItem(o.Name, o.Value)).ToList(),
        (await choices.LeadsAsync()).Select(l => new SelectListItem(l.Name, l.Id)).ToList());
}
