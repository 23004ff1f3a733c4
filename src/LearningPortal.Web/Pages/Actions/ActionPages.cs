using LearningPortal.Core.ActionPlans;

namespace LearningPortal.Web.Pages.Actions;

/// <summary>What the action plan pages share: who is acting, the statuses to choose from.</summary>
public static class ActionPages
{
    /// <summary>The signed-in person as the action plans module sees them: the request's actor, and whether an Editor (who may change any plan).</summary>
    public static async Task<ActionActor> ActionActorAsync(this PageModel page)
    {
        return new ActionActor(await page.ActorAsync(), page.User.IsInRole(PortalRoles.Editor));
    }

    /// <summary>The statuses someone can choose, as radio values.</summary>
    public static IReadOnlyList<(string Value, string Text)> Statuses { get; } =
        Enum.GetValues<PlanActionStatus>().Select(s => (s.ToString(), ActionWords.Of(s))).ToList();
}
