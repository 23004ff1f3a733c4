using LearningPortal.Core.Content.Media;
using LearningPortal.Web.Forms;
using LearningPortal.Web.Pages.Manage.Content;
using LearningPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Web.Pages.Manage.Media;

/// <summary>Changes a file's title and alt text.</summary>
public class DetailsModel(MediaLibrary library) : PageModel
{
    [BindProperty]
    public MediaFileForm Input { get; set; } = new();

    public MediaItem Item { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await library.GetAsync(id) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        Input = new MediaFileForm { Title = item.Title, AltText = item.AltText };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await library.GetAsync(id) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        var outcome = await library.DescribeAsync(id, Input.Title ?? "", Input.AltText, await this.ActorAsync());
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome, Page);
        }

        TempData["Success"] = "The file's details have been changed";
        return RedirectToPage("/Manage/Media/Item", new { id });
    }
}
