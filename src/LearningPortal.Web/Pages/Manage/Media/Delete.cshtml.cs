using LearningPortal.Core.Common;
using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Media;
using LearningPortal.Web.Forms;
using LearningPortal.Web.Pages.Manage.Content;
using LearningPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Web.Pages.Manage.Media;

/// <summary>Confirms, then deletes, a file that no draft or published content uses.</summary>
public class DeleteModel(MediaLibrary library) : PageModel
{
    public MediaItem Item { get; private set; } = default!;

    public IReadOnlyList<MediaUse> Uses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await library.GetAsync(id) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        Uses = await library.UsageAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await library.GetAsync(id) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        var outcome = await library.DeleteAsync(id, await this.ActorAsync());
        if (outcome.Refusal == Refusal.NotAllowed)
        {
            Uses = await library.UsageAsync(id);
            return this.Refused(outcome, Page);
        }

        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        TempData["Success"] = $"{item.Title} has been deleted";
        return RedirectToPage("/Manage/Media/Index");
    }
}
