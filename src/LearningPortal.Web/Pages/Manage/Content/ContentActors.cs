using System.Security.Claims;
using LearningPortal.Core.Content;
using LearningPortal.Core.Data;

namespace LearningPortal.Web.Pages.Manage.Content;

/// <summary>The signed-in Editor as the content services record them.</summary>
public static class ContentActors
{
    public static async Task<ContentActor> OfAsync(ClaimsPrincipal user, PortalDbContext db)
    {
        var actor = await Actor.OfAsync(user, db);
        return new ContentActor(actor.Id, actor.Name);
    }
}
