using LearningPortal.Core.Accounts;
using LearningPortal.Core.Data;
using LearningPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace LearningPortal.Web.Pages.Manage.Users;

/// <summary>Confirms re-enabling a disabled account, with an optional reason for the audit log.</summary>
public class EnableModel(PortalDbContext db, UserAdministration administration) : UserChangePageModel(db)
{
    [BindProperty]
    public ReasonInput Input { get; set; } = new();

    public Task<IActionResult> OnGetAsync(string id) => ShowFormAsync(id);

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }

        var result = await administration.EnableAsync(await this.ActorAsync(), id, Input.ConcurrencyStamp, Input.Reason);
        return await AfterChangeAsync(result, id, "Account re-enabled");
    }

    protected override Task FillFromSubjectAsync()
    {
        Input.ConcurrencyStamp = Subject.ConcurrencyStamp ?? "";
        return Task.CompletedTask;
    }
}
