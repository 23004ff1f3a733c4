using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>Your account: what the portal holds about you, with links to change it.</summary>
public class IndexModel(UserManager<PortalUser> users, PortalDbContext db) : PageModel
{
    public PortalUser Account { get; private set; } = default!;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    /// <summary>Which second factors the account has, in words.</summary>
    public string TwoFactor { get; private set; } = "";

    /// <summary>What was just changed, for the success banner.</summary>
    public string? Updated { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? updated)
    {
        var id = users.GetUserId(User);
        var account = await db.Users.AsNoTracking().Include(u => u.Agency).FirstOrDefaultAsync(u => u.Id == id);
        if (account is null)
        {
            return Challenge();
        }

        Account = account;
        var roles = await users.GetRolesAsync(account);
        Roles = PortalRoles.All.Where(roles.Contains).ToList();
        var factors = new List<string>();
        if (account.TwoFactorEnabled)
        {
            factors.Add("Authenticator app");
        }

        var passkeys = (await users.GetPasskeysAsync(account)).Count;
        if (passkeys > 0)
        {
            factors.Add(passkeys == 1 ? "1 passkey" : $"{passkeys} passkeys");
        }

        TwoFactor = factors.Count == 0 ? "Not set up" : string.Join(", ", factors);
        Updated = updated switch
        {
            "details" => "Your details have been updated",
            "line-manager" => "Your line manager has been changed",
            "password" => "Your password has been changed",
            "email" => "Your email address has been changed",
            _ => null,
        };
        return Page();
    }
}
