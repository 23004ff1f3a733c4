using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// A form that emails a link to a typed address (a password reset, the confirmation again). The answer is the same, and
/// takes as long, whether or not the address has an account, and nothing is sent to an address without one (that would
/// let anyone send our email to anyone).
/// </summary>
public abstract class EmailLinkPageModel(UserManager<PortalUser> users, PortalDbContext db, AnswerPacing pacing) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    /// <summary>What the "Check your email" page says was sent.</summary>
    protected abstract string About { get; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var started = AnswerPacing.Start();
        if (await users.FindByEmailAsync(Input.Email!.Trim()) is { IsDisabled: false } user && IsFor(user))
        {
            await QueueAsync(user);
            await db.SaveChangesAsync();
        }

        await pacing.WaitAsync(started, HttpContext.RequestAborted);
        return RedirectToPage("CheckYourEmail", new { about = About });
    }

    /// <summary>Whether this account gets the link (every enabled account, unless a page says otherwise).</summary>
    protected virtual bool IsFor(PortalUser user) => true;

    /// <summary>Queues the email with the link, to be sent when the change is saved.</summary>
    protected abstract Task QueueAsync(PortalUser user);
}

/// <summary>A form with one field: the person's email address.</summary>
public class EmailInput
{
    [Required(ErrorMessage = "Enter your email address")]
    [PortalEmail]
    public string? Email { get; set; }
}
