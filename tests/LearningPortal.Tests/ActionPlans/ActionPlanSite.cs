using LearningPortal.Core.ActionPlans;

namespace LearningPortal.Tests.ActionPlans;

/// <summary>
/// The site with its starter content (the strategy, the briefings and the starter plans), reminders a week ahead, and
/// the scheduled work left to the tests (it runs once at start, then not for a day).
/// </summary>
public sealed class ActionPlanSite : ContentSite
{
    protected override IDictionary<string, string?> ExtraSettings
    {
        get
        {
            var settings = base.ExtraSettings;
            settings["ActionPlans:JobInterval"] = "1.00:00:00";
            settings["ActionPlans:ReminderDaysBefore"] = "7";
            return settings;
        }
    }

    public Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work) => WithScopeAsync(work);

    public Task<T> DbAsync<T>(Func<PortalDbContext, Task<T>> work) => WithScopeAsync(sp => work(sp.GetRequiredService<PortalDbContext>()));

    public static ActionActor Editor(PortalUser user) => new(new Core.Auditing.Actor(user.Id, user.DisplayName), true);

    /// <summary>A plan of the given briefing, owned by the editor, with one action led by <paramref name="lead"/>.</summary>
    public async Task<(int PlanId, int ActionId)> PlanWithActionAsync(PortalUser editor, PortalUser? lead, DateOnly due, int? documentId = null, bool isPublic = false)
    {
        var planId = (await WithAsync(sp => sp.GetRequiredService<ActionPlanning>().CreatePlanAsync(
            new PlanInput("Plan " + Guid.NewGuid().ToString("N")[..8], documentId, null, isPublic, [editor.Id]), Editor(editor)))).Value;
        var group = await DbAsync(db => db.PartnershipGroups.Where(g => g.Name == "Neglect subgroup").Select(g => g.Id).SingleAsync());
        var result = await WithAsync(sp => sp.GetRequiredService<ActionPlanning>().AddActionAsync(planId,
            new ActionInput("Relaunch the screening tool with every agency", "Relaunch the screening tool", null, null, group, lead?.Id, due), true, Editor(editor)));
        Assert.Equal(Refusal.None, result.Refusal);
        return (planId, result.Value);
    }

    public static DateOnly Today() => DateOnly.FromDateTime(Core.Time.UkTime.FromUtc(DateTime.UtcNow));
}
