using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// Change your email address: asks for the password again, then emails a link to the new address. The
/// address changes only when that link is followed (<see cref="ConfirmEmailChangeModel"/>).
/// </summary>
public class ChangeEmailModel(UserManager<PortalUser> users, AccountSignIn signIn, PortalDbContext db, AccountEmails emails) : PageModel
{
    [BindProperty]
    public ChangeEmailInput Input { get; set; } = new();

    public string CurrentEmail { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        CurrentEmail = user.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        CurrentEmail = user.Email ?? "";
        var newEmail = Input.NewEmail?.Trim() ?? "";
        if (ModelState.IsValid && string.Equals(newEmail, CurrentEmail, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.NewEmail", "Enter an email address that is different from your current one");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await signIn.ConfirmPasswordAsync(ModelState, "Input.Password", user, Input.Password))
        {
            return Page();
        }

        // An address that already has an account is told so; this person sees the usual next page either way.
        if (await users.FindByEmailAsync(newEmail) is not null)
        {
            emails.QueueAddressAlreadyInUse(newEmail);
        }
        else
        {
            await emails.QueueEmailChangeConfirmationAsync(user, newEmail);
        }

        await db.SaveChangesAsync();
        return RedirectToPage("CheckYourEmail", new { about = CheckYourEmailModel.EmailChange });
    }
}

public class ChangeEmailInput
{
    [Required(ErrorMessage = "Enter your new email address")]
    [PortalEmail]
    public string? NewEmail { get; set; }

    [Required(ErrorMessage = "Enter your password")]
    public string? Password { get; set; }
}
