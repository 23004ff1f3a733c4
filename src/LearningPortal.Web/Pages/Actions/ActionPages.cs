using System.Globalization;
using System.Security.Claims;
using LearningPortal.Core.Accounts;
using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Data;
using LearningPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Web.Pages.Actions;

/// <summary>What the action plan pages share: who is acting, how dates read.</summary>
public static class ActionPages
{
    /// <summary>The signed-in person as the action plans module sees them (Editors may change any plan).</summary>
    public static async Task<ActionActor> ActorAsync(ClaimsPrincipal user, PortalDbContext db)
    {
        var id = user.UserId();
        var name = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleOrDefaultAsync();
        return new ActionActor(id, name ?? user.Identity?.Name ?? id, user.IsInRole(PortalRoles.Editor));
    }

    public static string ToUkDate(this DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>The statuses someone can choose, as radio values.</summary>
    public static IReadOnlyList<(string Value, string Text)> Statuses { get; } =
        Enum.GetValues<PlanActionStatus>().Select(s => (s.ToString(), ActionWords.Of(s))).ToList();
}
