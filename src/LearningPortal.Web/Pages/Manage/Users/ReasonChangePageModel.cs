using LearningPortal.Core.Auditing;

namespace LearningPortal.Web.Pages.Manage.Users;

/// <summary>Confirms a change to an account (disabling or re-enabling it), with an optional reason for the audit log.</summary>
public abstract class ReasonChangePageModel(PortalDbContext db) : UserChangePageModel(db)
{
    [BindProperty]
    public ReasonInput Input { get; set; } = new();

    /// <summary>The success banner's words.</summary>
    protected abstract string Done { get; }

    public Task<IActionResult> OnGetAsync(string id) => ShowFormAsync(id);

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }

        return await AfterChangeAsync(await ChangeAsync(await this.ActorAsync(), id), id, Done);
    }

    /// <summary>Makes the change, refused if the account changed since the form was shown.</summary>
    protected abstract Task<Outcome<AccountChange>> ChangeAsync(Actor actor, string id);

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
