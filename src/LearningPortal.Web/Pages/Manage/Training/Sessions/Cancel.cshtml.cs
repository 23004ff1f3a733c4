using LearningPortal.Core.Training;
using LearningPortal.Web.Pages.Training;

namespace LearningPortal.Web.Pages.Manage.Training.Sessions;

/// <summary>Cancels a session; everyone booked or waiting is emailed (booked people's invitations are cancelled).</summary>
public class CancelModel(PortalDbContext db, SessionAdministration sessions) : SessionPageModel(db)
{
    [BindProperty]
    [StringLength(1000, ErrorMessage = "The reason must be 1,000 characters or fewer")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await sessions.CancelAsync(id, Reason, await this.ActorAsync());
        if (!result.Succeeded)
        {
            return this.Refused(result, Page, map: _ => "");
        }

        return RedirectToPage("/Manage/Training/Sessions/Detail", new { id });
    }
}
