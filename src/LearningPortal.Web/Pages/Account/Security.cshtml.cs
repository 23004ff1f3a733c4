using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// Where you are signed in: the account's sessions (browser and device, when each began, when it was last used, this one
/// marked), with sign-out for any of them or for all the others. A session signed out here ends on every instance at its
/// next check, within a minute (<see cref="PortalSignInManager.ValidateSecurityStampAsync"/>).
/// </summary>
public class SecurityModel(UserManager<PortalUser> users, UserSessions sessions, PortalSignInManager signIn) : PageModel
{
    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];

    public string? CurrentSessionId { get; private set; }

    /// <summary>What was just done, for the success banner.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        Done = done switch
        {
            "one" => "The session has been signed out",
            "others" => "All your other sessions have been signed out",
            _ => null,
        };
        return Page();
    }

    /// <summary>Signs out one session (this browser's too, which then goes to the signed-out page).</summary>
    public async Task<IActionResult> OnPostSignOutAsync(string? session)
    {
        var userId = users.GetUserId(User) ?? "";
        var ended = session is { Length: 32 } ? await sessions.EndAsync(await this.ActorAsync(), userId, session) : null;
        if (ended is null)
        {
            ModelState.AddModelError("session", "That session has already been signed out");
            if (!await LoadAsync())
            {
                return Challenge();
            }

            return Page();
        }

        if (ended.Id == User.SessionId())
        {
            await signIn.SignOutAsync();
            return RedirectToPage("SignedOut");
        }

        return RedirectToPage(new { done = "one" });
    }

    public async Task<IActionResult> OnPostSignOutOthersAsync()
    {
        await sessions.EndOthersAsync(await this.ActorAsync(), users.GetUserId(User) ?? "", User.SessionId());
        return RedirectToPage(new { done = "others" });
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return false;
        }

        CurrentSessionId = User.SessionId();
        Sessions = (await sessions.ActiveAsync(user)).OrderByDescending(s => s.Id == CurrentSessionId).ToList();
        return true;
    }
}
