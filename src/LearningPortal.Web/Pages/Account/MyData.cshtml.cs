using LearningPortal.Core.Privacy;
using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// Download everything the portal holds about you (subject access), after entering the password again. Open to every
/// signed-in person; the text of supervision records is in the export only when the session used a second factor, the
/// rule supervision has, and otherwise the records are listed by title and date with how to get their text.
/// </summary>
public class MyDataModel(UserManager<PortalUser> users, AccountSignIn signIn, PersonalDataExport export, IOptionsSnapshot<RetentionOptions> retention) : PageModel
{
    /// <summary>How long reads stay linked to the reader (and so in the download).</summary>
    public int ReadsLinkedMonths => retention.Value.ReadsLinkedMonths;

    [BindProperty]
    public MyDataInput Input { get; set; } = new();

    /// <summary>Whether this session used a second factor, so the export holds supervision text.</summary>
    public bool WithSecondFactor => User.UsedSecondFactor();

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

        var request = new PersonalDataRequest.ByThePerson(WithSecondFactor);
        await export.RecordAsync(user.Id, request, HttpContext.RequestAborted);
        return new PersonalDataDownload(export, user.Id, request);
    }
}

public class MyDataInput
{
    [Required(ErrorMessage = "Enter your password")]
    public string? Password { get; set; }
}
