using System.ComponentModel.DataAnnotations;
using LearningPortal.Core.Accounts;
using LearningPortal.Core.Privacy;
using LearningPortal.Web.Accounts;
using LearningPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// Download everything the portal holds about you (subject access), after entering the password again. The export
/// includes the text of supervision records, so the session must have used a second factor, as supervision does.
/// </summary>
[Authorize(Policy = PortalPolicies.TwoFactor)]
public class MyDataModel(UserManager<PortalUser> users, AccountSignIn signIn, PersonalDataExport export) : PageModel
{
    [BindProperty]
    public MyDataInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid || !await signIn.ConfirmPasswordAsync(ModelState, "Input.Password", user, Input.Password))
        {
            return Page();
        }

        var request = new PersonalDataRequest.ByThePerson();
        await export.RecordAsync(user.Id, request, HttpContext.RequestAborted);
        return new PersonalDataDownload(export, user.Id, request);
    }
}

public class MyDataInput
{
    [Required(ErrorMessage = "Enter your password")]
    public string? Password { get; set; }
}
