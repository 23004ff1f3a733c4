using LearningPortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Pages.Account;

/// <summary>Gives one of your passkeys a name you recognise (the portal names it after the day it was added).</summary>
public class RenamePasskeyModel(UserManager<PortalUser> users, SecondFactorChanges changes, PortalDbContext db)
    : TwoFactorSettingsPageModel(users)
{
    [BindProperty]
    public RenamePasskeyInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await FindPasskeyAsync(id) is not { } passkey)
        {
            return NotFound();
        }

        Input.Name = NameOf(passkey);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await FindPasskeyAsync(id) is not { } passkey)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var oldName = NameOf(passkey);
        var newName = Input.Name!.Trim();
        if (newName != oldName)
        {
            passkey.Name = newName;
            await using var transaction = await db.Database.BeginTransactionAsync();
            var saved = await Users.AddOrUpdatePasskeyAsync(Account, passkey);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException("Could not rename the passkey: " + string.Join("; ", saved.Errors.Select(e => e.Description)));
            }

            changes.PasskeyRenamed(Account, oldName, newName);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        return RedirectToPage("TwoFactor", new { updated = "passkey-renamed" });
    }
}

public class RenamePasskeyInput
{
    public const int MaxNameLength = 50;

    [Required(ErrorMessage = "Enter a name for your passkey")]
    [StringLength(MaxNameLength, ErrorMessage = "Passkey name must be 50 characters or fewer")]
    public string? Name { get; set; }
}
