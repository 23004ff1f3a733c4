using LearningPortal.Core.Content.Media;

namespace LearningPortal.Web.Pages.Manage.Media;

/// <summary>One file: its details and address, where it is used, and links to change, replace or delete it.</summary>
public class ItemModel(MediaLibrary library) : MediaItemPageModel(library)
{
    public async Task<IActionResult> OnGetAsync(int id) => await FindAsync(id, withUses: true) ? Page() : NotFound();
}
