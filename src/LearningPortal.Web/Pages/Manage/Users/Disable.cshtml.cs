using System.ComponentModel.DataAnnotations;
using LearningPortal.Core.Accounts;
using LearningPortal.Core.Data;
using LearningPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace LearningPortal.Web.Pages.Manage.Users;

/// <summary>Confirms disabling an account, with an optional reason for the audit log.</summary>
public class DisableModel(PortalDbContext db, UserAdministration administration) : UserChangePageModel(db)
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

        var result = await administration.DisableAsync(await this.ActorAsync(), id, Input.ConcurrencyStamp, Input.Reason);
        return await AfterChangeAsync(result, id, "Account disabled");
    }

    protected override Task FillFromSubjectAsync()
    {
        Input.ConcurrencyStamp = Subject.ConcurrencyStamp ?? "";
        return Task.CompletedTask;
    }
}

/// <summary>The confirmation form for disabling or re-enabling an account.</summary>
public class ReasonInput
{
    [StringLength(500, ErrorMessage = "Reason must be 500 characters or fewer")]
    public string? Reason { get; set; }

    public string ConcurrencyStamp { get; set; } = "";
}
