using LearningPortal.Core.Content.Media;

namespace LearningPortal.Web.Pages.Manage.Media;

/// <summary>The media library: every uploaded file, newest change first, searchable by title or file name.</summary>
public class IndexModel(MediaLibrary library) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<MediaItem> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = await library.ListAsync(Query);
}
