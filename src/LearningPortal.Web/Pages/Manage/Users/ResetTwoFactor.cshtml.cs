using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Manage.Users;

/// <summary>
/// Confirms resetting someone's two-factor sign-in, with the reason for the audit log. The administrator must have
/// signed in with two factors themselves: otherwise a stolen administrator password would be enough to strip the
/// second factor from any account.
/// </summary>
[Authorize(Policy = PortalPolicies.TwoFactor)]
public class ResetTwoFactorModel(PortalDbContext db, UserManager<PortalUser> users, UserAdministration administration) : UserChangePageModel(db)
{
    [BindProperty]
    public ResetTwoFactorInput Input { get; set; } = new();

    /// <summary>The person's second factors, e.g. "an authenticator app and 2 passkeys".</summary>
    public string CurrentFactors { get; private set; } = "";

    public Task<IActionResult> OnGetAsync(string id) => ShowFormAsync(id);

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }

        var result = await administration.ResetTwoFactorAsync(await this.ActorAsync(), id, Input.ConcurrencyStamp, Input.Reason!);
        return await AfterChangeAsync(result, id, "Two-factor sign-in reset");
    }

    protected override async Task<bool> LoadAsync(string id)
    {
        if (!await base.LoadAsync(id))
        {
            return false;
        }

        CurrentFactors = await UserAdministration.DescribeSecondFactorsAsync(users, Subject);
        return true;
    }

    protected override Task FillFromSubjectAsync()
    {
        Input.ConcurrencyStamp = Subject.ConcurrencyStamp ?? "";
        return Task.CompletedTask;
    }
}

public class ResetTwoFactorInput
{
    [Required(ErrorMessage = "Enter the reason for resetting two-factor sign-in")]
    [StringLength(500, ErrorMessage = "Reason must be 500 characters or fewer")]
    public string? Reason { get; set; }

    public string ConcurrencyStamp { get; set; } = "";
}
