using System.ComponentModel.DataAnnotations;
using LearningPortal.Core.Accounts;
using LearningPortal.Core.Data;
using LearningPortal.Web.Accounts;
using LearningPortal.Web.Security.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Web.Pages.Account;

/// <summary>Sends the confirmation link again; the response is the same whether or not the address has an unconfirmed account.</summary>
[AllowAnonymous]
[RateLimited(PortalRateLimitOptions.ResendConfirmation, Subject = RateLimitSubject.TypedAddress)]
public class ResendConfirmationModel(UserManager<PortalUser> users, PortalDbContext db, AccountEmails emails, AnswerPacing pacing) : PageModel
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
        if (await users.FindByEmailAsync(Input.Email!.Trim()) is { EmailConfirmed: false, IsDisabled: false } user)
        {
            await emails.QueueEmailConfirmationAsync(user);
            await db.SaveChangesAsync();
        }

        await pacing.WaitAsync(started, HttpContext.RequestAborted);
        return RedirectToPage("CheckYourEmail", new { about = CheckYourEmailModel.NewAccount });
    }
}

/// <summary>A form with one field: the person's email address.</summary>
public class EmailInput
{
    [Required(ErrorMessage = "Enter your email address")]
    [PortalEmail]
    public string? Email { get; set; }
}
