using LearningPortal.Core.Content.Media;

namespace LearningPortal.Web.Pages.Manage.Media;

/// <summary>A page about one file of the library (its page, details, replacing or deleting it): the file, found by its id.</summary>
public abstract class MediaItemPageModel(MediaLibrary library) : PageModel
{
    public MediaItem Item { get; private set; } = default!;

    /// <summary>Where the file is used (read by the pages that show it).</summary>
    public IReadOnlyList<MediaUse> Uses { get; private set; } = [];

    protected MediaLibrary Library => library;

    /// <summary>Finds the file, and where it is used if asked; false when there is no such file.</summary>
    protected async Task<bool> FindAsync(int id, bool withUses = false)
    {
        if (await library.GetAsync(id) is not { } item)
        {
            return false;
        }

        Item = item;
        if (withUses)
        {
            await ReadUsesAsync();
        }

        return true;
    }

    protected async Task ReadUsesAsync() => Uses = await library.UsageAsync(Item.Id);
}
