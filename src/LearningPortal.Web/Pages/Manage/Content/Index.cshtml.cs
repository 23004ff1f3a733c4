using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Reading;

namespace LearningPortal.Web.Pages.Manage.Content;

/// <summary>The content list: search by title or address, filter by type and state.</summary>
public class IndexModel(ContentLibrary library) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? TypeKey { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public string? StateKey { get; set; }

    /// <summary>
    /// The page asked for (?page=N), read from the query itself: "page" is also Razor Pages' own route value, which
    /// model binding reads first and cannot parse, so binding it left every request on page 1.
    /// </summary>
    public int PageNumber { get; private set; } = 1;

    public ResultPage<ContentSummary> Results { get; private set; } = new([], 0, 1, 25);

    public static IReadOnlyList<(string Key, DocumentState State, string Name)> States { get; } =
    [
        ("draft", DocumentState.Draft, "Draft"),
        ("published", DocumentState.Published, "Published"),
        ("unpublished", DocumentState.Unpublished, "Unpublished"),
        ("archived", DocumentState.Archived, "Archived"),
    ];

    public static string StateName(DocumentState state) => States.First(s => s.State == state).Name;

    public int TotalPages => Math.Max(1, (Results.Total + Results.PageSize - 1) / Results.PageSize);

    public async Task OnGetAsync()
    {
        PageNumber = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        var state = States.Where(s => s.Key == StateKey).Select(s => (DocumentState?)s.State).FirstOrDefault();
        Results = await library.SearchAsync(new ContentSearch(Query, DocumentTypes.FromKey(TypeKey), state, Page: PageNumber));
    }

    public string PageUrl(int page) =>
        $"/manage/content?q={Uri.EscapeDataString(Query ?? "")}&type={Uri.EscapeDataString(TypeKey ?? "")}&state={Uri.EscapeDataString(StateKey ?? "")}&page={page}";
}
