using LearningPortal.Core.Accounts;
using LearningPortal.Core.Data;
using LearningPortal.Web.Accounts;
using LearningPortal.Web.Security.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// Sends a reset link. The response is the same whether or not the address has an account, and nothing
/// is sent to addresses without one (that would let anyone send our email to anyone).
/// </summary>
[AllowAnonymous]
[RateLimited(PortalRateLimitOptions.ForgottenPassword, Subject = RateLimitSubject.TypedAddress)]
public class ForgottenPasswordModel(UserManager<PortalUser> users, PortalDbContext db, AccountEmails emails, AnswerPacing pacing) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

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
        if (await users.FindByEmailAsync(Input.Email!.Trim()) is { IsDisabled: false } user)
        {
            await emails.QueuePasswordResetAsync(user);
            await db.SaveChangesAsync();
        }

        await pacing.WaitAsync(started, HttpContext.RequestAborted);
        return RedirectToPage("CheckYourEmail", new { about = CheckYourEmailModel.PasswordReset });
    }
}
