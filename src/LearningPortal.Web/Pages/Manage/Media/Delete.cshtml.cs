using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Media;
using LearningPortal.Web.Pages.Manage.Content;

namespace LearningPortal.Web.Pages.Manage.Media;

/// <summary>Confirms, then deletes, a file that no draft or published content uses.</summary>
public class DeleteModel(MediaLibrary library) : MediaItemPageModel(library)
{
    public async Task<IActionResult> OnGetAsync(int id) => await FindAsync(id, withUses: true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await FindAsync(id))
        {
            return NotFound();
        }

        var outcome = await Library.DeleteAsync(id, await this.ActorAsync());
        if (outcome.Refusal == Refusal.NotAllowed)
        {
            await ReadUsesAsync();
            return this.Refused(outcome, Page);
        }

        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        TempData["Success"] = $"{Item.Title} has been deleted";
        return RedirectToPage("/Manage/Media/Index");
    }
}
