using LearningPortal.Core.Content.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Web.Pages.Manage.Media;

/// <summary>One file: its details and address, where it is used, and links to change, replace or delete it.</summary>
public class ItemModel(MediaLibrary library) : PageModel
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
}
