using LearningPortal.Core.Auditing;

namespace LearningPortal.Web.Security;

/// <summary>
/// The signed-in person as the modules record them (<see cref="Actor"/>): their user id and display name, read
/// once per request. Every page that changes something takes its actor from here, so the audit log names
/// people the same way everywhere.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor http, PortalDbContext db)
{
    private Actor? actor;

    public async Task<Actor> GetAsync()
    {
        if (actor is not null)
        {
            return actor;
        }

        var user = http.HttpContext?.User ?? throw new InvalidOperationException("There is no request to take the actor from.");
        var id = user.UserId() ?? throw new InvalidOperationException("A signed-in user has no id claim.");
        var name = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleOrDefaultAsync();
        return actor = new Actor(id, name ?? user.Identity?.Name ?? id);
    }
}

/// <summary>How a page asks for its <see cref="CurrentActor"/>.</summary>
public static class CurrentActorExtensions
{
    /// <summary>The signed-in person making this request's change.</summary>
    public static Task<Actor> ActorAsync(this PageModel page) =>
        page.HttpContext.RequestServices.GetRequiredService<CurrentActor>().GetAsync();
}
