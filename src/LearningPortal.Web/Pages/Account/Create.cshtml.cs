using LearningPortal.Web.Accounts;
using LearningPortal.Web.Security.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// Create an account. Whether or not the address already has an account, the person sees the same
/// "Check your email" page; only the address's owner learns that it had one.
/// </summary>
[AllowAnonymous]
[RateLimited(PortalRateLimitOptions.CreateAccount, Subject = RateLimitSubject.TypedAddress)]
public class CreateModel(
    UserManager<PortalUser> users, PortalDbContext db, AgencyChoices agencies, AccountEmails emails, AnswerPacing pacing, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CreateAccountInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Agencies { get; private set; } = [];

    public async Task OnGetAsync() => Agencies = await agencies.ListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.AgencyId is { } agencyId && !await agencies.IsChoosableAsync(agencyId))
        {
            ModelState.AddModelError("Input.AgencyId", "Select your agency");
        }

        var email = Input.Email?.Trim() ?? "";
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.FullName?.Trim() ?? "",
            JobRole = Input.JobRole?.Trim() ?? "",
            AgencyId = Input.AgencyId ?? 0,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        if (ModelState.IsValid)
        {
            foreach (var validator in users.PasswordValidators)
            {
                ModelState.AddIdentityErrors(await validator.ValidateAsync(users, user, Input.Password), "Input.Password");
            }
        }

        if (!ModelState.IsValid)
        {
            Agencies = await agencies.ListAsync();
            return Page();
        }

        // An address with an account and one without take different work: answer after the same time either way.
        var started = AnswerPacing.Start();

        // The account, its role and its confirmation email are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            users.PasswordHasher.HashPassword(user, Input.Password!); // as long as creating one takes
            await emails.QueueAlreadyRegisteredAsync(existing);
        }
        else
        {
            var created = await users.CreateAsync(user, Input.Password!);
            if (!created.Succeeded)
            {
                ModelState.AddIdentityErrors(created, "Input.Password");
                Agencies = await agencies.ListAsync();
                return Page();
            }

            await users.AddToRoleAsync(user, PortalRoles.Practitioner);
            await emails.QueueEmailConfirmationAsync(user);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await pacing.WaitAsync(started, HttpContext.RequestAborted);
        return RedirectToPage("CheckYourEmail", new { about = CheckYourEmailModel.NewAccount });
    }
}

public class CreateAccountInput
{
    [Required(ErrorMessage = "Enter your full name")]
    [StringLength(200, ErrorMessage = "Full name must be 200 characters or fewer")]
    public string? FullName { get; set; }

    [Required(ErrorMessage = "Enter your email address")]
    [PortalEmail]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Select your agency")]
    public int? AgencyId { get; set; }

    [Required(ErrorMessage = "Enter your job role")]
    [StringLength(200, ErrorMessage = "Job role must be 200 characters or fewer")]
    public string? JobRole { get; set; }

    [Required(ErrorMessage = "Enter a password")]
    [PasswordLength]
    public string? Password { get; set; }

    [Required(ErrorMessage = "Confirm your password")]
    [Compare(nameof(Password), ErrorMessage = "Passwords do not match")]
    public string? ConfirmPassword { get; set; }
}
