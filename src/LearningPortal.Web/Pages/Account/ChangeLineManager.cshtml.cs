using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>Change your line manager: the person who approves your bookings on sessions that need approval. Audited.</summary>
public class ChangeLineManagerModel(UserManager<PortalUser> users, LineManagers lineManagers, PortalDbContext db) : PageModel
{
    [BindProperty]
    public LineManagerInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Input = new LineManagerInput { Name = user.LineManagerName, Email = user.LineManagerEmail };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (ModelState.IsValid && await lineManagers.ProblemWithAsync(user.Id, Input.Email!, HttpContext.RequestAborted) is { } problem)
        {
            ModelState.AddModelError("Input.Email", problem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The tracked user is the one LineManagers changes: one SaveChanges stores the change and its audit entry.
        await lineManagers.ChangeAsync(user.Id, user.DisplayName, Input.Name!, Input.Email!, HttpContext.RequestAborted);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return RedirectToPage("Index", new { updated = "line-manager" });
    }
}

public class LineManagerInput
{
    [Required(ErrorMessage = "Enter your line manager's full name")]
    [StringLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Enter your line manager's work email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
    public string? Email { get; set; }
}
