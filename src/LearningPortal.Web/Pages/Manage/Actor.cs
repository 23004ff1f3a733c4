using System.Security.Claims;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Web.Pages.Manage;

/// <summary>The signed-in administrator making a change, as the audit log names them.</summary>
public sealed record Actor(string Id, string Name)
{
    public static async Task<Actor> OfAsync(ClaimsPrincipal principal, PortalDbContext db)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A signed-in user has no id claim.");
        var name = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleOrDefaultAsync();
        return new Actor(id, name ?? principal.Identity?.Name ?? id);
    }
}
