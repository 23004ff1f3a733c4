namespace LearningPortal.Web.Pages.Manage.Training.Sessions;

/// <summary>A printable sign-in sheet for the day: everyone with a confirmed place, with a column to sign.</summary>
public class SignInSheetModel(PortalDbContext db) : SessionPageModel(db)
{
    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();
}
