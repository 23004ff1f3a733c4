using LearningPortal.Core.Content.Media;
using LearningPortal.Web.Pages.Manage.Content;

namespace LearningPortal.Web.Pages.Manage.Media;

/// <summary>Changes a file's title and alt text.</summary>
public class DetailsModel(MediaLibrary library) : MediaItemPageModel(library)
{
    [BindProperty]
    public MediaFileForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await FindAsync(id))
        {
            return NotFound();
        }

        Input = new MediaFileForm { Title = Item.Title, AltText = Item.AltText };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await FindAsync(id))
        {
            return NotFound();
        }

        var outcome = await Library.DescribeAsync(id, Input.Title ?? "", Input.AltText, await this.ActorAsync());
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome, Page);
        }

        TempData["Success"] = "The file's details have been changed";
        return RedirectToPage("/Manage/Media/Item", new { id });
    }
}
